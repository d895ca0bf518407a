package dev.hop.core.errors;

import java.io.IOException;
import java.nio.file.Path;

/** Reports a project file or folder that the file system would not let hop read or write. */
public final class ProjectFileException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * @param action what hop was doing, e.g. {@code read}
   */
  public ProjectFileException(String action, Path path, IOException cause) {
    super("Cannot " + action + " " + path + ": " + cause + ". Check that it exists and that its"
        + " permissions allow it, then run the goal again.", cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
