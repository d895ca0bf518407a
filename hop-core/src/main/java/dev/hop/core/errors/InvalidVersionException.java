package dev.hop.core.errors;

/** Refuses a text that is not a strict {@code MAJOR.MINOR.PATCH} version. */
public final class InvalidVersionException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** The accepted form, as shown in the message. */
  public static final String EXPECTED_FORM =
      "MAJOR.MINOR.PATCH: three non-negative integers without signs or leading zeros (e.g. 1.4.0)";

  private final String input;

  public InvalidVersionException(String input) {
    super("Invalid version '" + input + "': expected " + EXPECTED_FORM + ".");
    this.input = input;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }
}
