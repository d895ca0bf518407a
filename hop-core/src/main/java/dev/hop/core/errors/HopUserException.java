package dev.hop.core.errors;

/**
 * A refusal the user can fix (bad input, wrong branch, release state): its message says what failed,
 * why, and the command to run next.
 */
public abstract class HopUserException extends HopException {
  private static final long serialVersionUID = 1L;

  protected HopUserException(String message) {
    super(message);
  }

  protected HopUserException(String message, Throwable cause) {
    super(message, cause);
  }
}
