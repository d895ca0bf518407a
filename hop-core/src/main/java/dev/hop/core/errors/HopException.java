package dev.hop.core.errors;

/**
 * Root of every failure hop reports: a user-fixable refusal ({@link HopUserException}) or an
 * environment failure ({@link HopEnvironmentException}).
 */
public abstract class HopException extends Exception {
  private static final long serialVersionUID = 1L;

  protected HopException(String message) {
    super(message);
  }

  protected HopException(String message, Throwable cause) {
    super(message, cause);
  }
}
