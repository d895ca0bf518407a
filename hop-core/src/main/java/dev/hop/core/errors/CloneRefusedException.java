package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.nio.file.Path;

/**
 * Refuses a {@code clone} the user can fix: no URL given, or a destination folder that already exists; the
 * message names the folder and the command to run instead.
 */
public final class CloneRefusedException extends HopUserException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;

  private CloneRefusedException(Path dir, String message) {
    super(message);
    this.dir = dir;
  }

  public static CloneRefusedException noUrl(CommandHints hints) {
    return new CloneRefusedException(null, "hop:clone needs the repository to clone: "
        + hints.command("clone", "url", "<git url>", "dir", "<folder>"));
  }

  public static CloneRefusedException exists(Path dir, String url, CommandHints hints) {
    return new CloneRefusedException(dir, "Destination folder " + dir + " already exists: hop:clone never writes"
        + " into an existing folder. Choose another one: " + hints.command("clone", "url", url, "dir", "<new folder>"));
  }

  /** The destination folder, null when none was concerned. */
  public Path dir() {
    return dir;
  }
}
