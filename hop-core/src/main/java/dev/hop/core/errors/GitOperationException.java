package dev.hop.core.errors;

import java.util.Objects;

/**
 * A Git operation failed for a reason outside the user's project state (I/O, a broken repository, a
 * network error): the message names the equivalent {@code git} command so the user can try it by hand.
 */
public final class GitOperationException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  private final String gitCommand;

  /**
   * @param gitCommand the equivalent command line, e.g. {@code git fetch --prune origin}
   * @param what what hop was doing, e.g. {@code Cannot fetch from origin}
   */
  public GitOperationException(String gitCommand, String what, Throwable cause) {
    super(what + ": " + reason(cause) + ". The equivalent command is: " + gitCommand, cause);
    this.gitCommand = Objects.requireNonNull(gitCommand, "gitCommand");
  }

  /** The equivalent {@code git} command line. */
  public String gitCommand() {
    return gitCommand;
  }

  private static String reason(Throwable cause) {
    if (cause == null) {
      return "unknown reason";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
  }
}
