package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;

/** Refuses a promote target other than {@code rc} or {@code prod}. */
public final class InvalidPromoteTargetException extends HopUserException {
  private static final long serialVersionUID = 1L;

  private final String input;

  public InvalidPromoteTargetException(String input, CommandHints hints) {
    super("Invalid promote target '" + (input == null ? "" : input) + "': expected rc (the stage becomes a release"
        + " candidate) or prod (the release candidate goes to production). Run: "
        + hints.command("promote", "to", "<rc|prod>"));
    this.input = input;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }
}
