package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reports an upgrade that failed and was undone: the release and patch being applied, the failure (a script's
 * {@code file:line:col} and server message, or an environment failure), the backup, whether the backup was
 * restored, and whether the database was checked to be unchanged.
 */
public final class UpgradeFailedException extends HopUserException {
  private static final long serialVersionUID = 1L;

  private final String release;
  private final Optional<String> patch;
  private final transient Path backup;
  private final boolean restored;
  private final boolean unchanged;

  /**
   * @param release the release being applied, {@code 1.4.0}
   * @param patch the patch being applied, empty when the failure came between patches
   * @param cause what failed
   * @param backup the backup taken before the upgrade
   * @param restored whether the backup was restored (the run was not transactional)
   * @param unchanged whether the database's catalog and version were found equal to before
   */
  public UpgradeFailedException(String release, Optional<String> patch, Exception cause, Path backup, boolean restored,
      boolean unchanged, CommandHints hints) {
    super(message(release, patch, cause, backup, restored, unchanged, hints), cause);
    this.release = release;
    this.patch = patch;
    this.backup = backup;
    this.restored = restored;
    this.unchanged = unchanged;
  }

  private static String message(String release, Optional<String> patch, Exception cause, Path backup, boolean restored,
      boolean unchanged, CommandHints hints) {
    StringBuilder b = new StringBuilder("Upgrade failed in release ").append(release);
    patch.ifPresent(p -> b.append(", patch ").append(p));
    if (cause instanceof PatchScriptException script) {
      b.append(", at ").append(script.position());
      script.serverMessage().ifPresent(m -> b.append(": ").append(m));
    } else {
      b.append(": ").append(cause.getMessage());
    }
    b.append(". ").append(restored ? "The run was not transactional, so the backup was restored"
        : "The transaction was rolled back");
    if (unchanged) {
      b.append("; the database is unchanged (catalog and version checked against those before the upgrade).");
    } else {
      b.append("; WARNING: the database differs from before the upgrade. Restore it from the backup with:"
          + " pg_restore --clean --if-exists --single-transaction -d <database> ").append(backup).append('.');
    }
    b.append(" Backup: ").append(backup).append(". A released file is never edited: fix it forward, with a new"
        + " release whose patch corrects it (patch-new, patch-add, promote, on a development checkout), then run"
        + " here: ").append(hints.command("upgrade"));
    return b.toString();
  }

  /** The release being applied. */
  public String release() {
    return release;
  }

  /** The patch being applied, empty between patches. */
  public Optional<String> patch() {
    return patch;
  }

  public Path backup() {
    return backup;
  }

  public boolean restored() {
    return restored;
  }

  /** Whether the database was checked to be as before the upgrade. */
  public boolean unchanged() {
    return unchanged;
  }
}
