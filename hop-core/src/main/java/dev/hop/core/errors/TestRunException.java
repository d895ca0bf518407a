package dev.hop.core.errors;

import java.nio.file.Path;

/** The project's tests could not be run at all: Maven did not start, timed out, or left no readable report. */
public final class TestRunException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  private final transient Path projectDir;

  public TestRunException(Path projectDir, String message, Throwable cause) {
    super(message, cause);
    this.projectDir = projectDir;
  }

  /** The project whose tests were to run. */
  public Path projectDir() {
    return projectDir;
  }
}
