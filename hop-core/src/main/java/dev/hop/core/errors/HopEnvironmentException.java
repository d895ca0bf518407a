package dev.hop.core.errors;

/** A failure of something hop relies on (Git, PostgreSQL, the file system, a forked tool). */
public abstract class HopEnvironmentException extends HopException {
  private static final long serialVersionUID = 1L;

  protected HopEnvironmentException(String message) {
    super(message);
  }

  protected HopEnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
