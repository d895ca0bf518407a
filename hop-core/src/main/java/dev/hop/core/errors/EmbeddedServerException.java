package dev.hop.core.errors;

import java.nio.file.Path;

/**
 * Reports that hop could not unpack, initialise, start or stop the project's embedded PostgreSQL, naming the
 * folder involved and what to do about it.
 */
public final class EmbeddedServerException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public EmbeddedServerException(Path path, String message) {
    super(message);
    this.path = path;
  }

  public EmbeddedServerException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The archive, cache or data folder the failure is about. */
  public Path path() {
    return path;
  }
}
