package dev.hop.core.errors;

import java.util.OptionalInt;

/** Refuses a patch id that does not have one of the two accepted forms, naming the rule it breaks. */
public final class InvalidPatchIdException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** The longest accepted id. */
  public static final int MAX_LENGTH = 64;

  /** The accepted forms, as shown at the end of every message. */
  public static final String ACCEPTED_FORMS = "Accepted forms: <number> (e.g. 12) or <number>-<words>"
      + " (e.g. 12-add-users), lower case, at most " + MAX_LENGTH + " characters.";

  /** The rule an id breaks; checked in this order. */
  public enum Rule {
    /** Nothing was given. */
    EMPTY,
    /** More than {@link #MAX_LENGTH} characters. */
    TOO_LONG,
    /** A character other than a-z, 0-9 and '-' (upper case, '_', '/', '.', a space...). */
    FORBIDDEN_CHARACTER,
    /** The part before the first '-' is not a number ({@code a-12}, {@code -12}, {@code 12a}). */
    MUST_START_WITH_NUMBER,
    /** A '-' with no word after it or two '-' in a row ({@code 12-}, {@code 12--x}, {@code 12-users-}). */
    EMPTY_WORD
  }

  private final String input;
  private final Rule rule;

  public InvalidPatchIdException(String input, Rule rule) {
    super("Invalid patch id '" + input + "': " + explain(input, rule) + ". " + ACCEPTED_FORMS);
    this.input = input;
    this.rule = rule;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }

  /** The rule it breaks. */
  public Rule rule() {
    return rule;
  }

  /** The first character that is not allowed (a code point), when the rule is FORBIDDEN_CHARACTER. */
  public OptionalInt forbiddenCharacter() {
    return rule == Rule.FORBIDDEN_CHARACTER ? firstForbidden(input) : OptionalInt.empty();
  }

  /** Whether {@code c} may appear in a patch id. */
  public static boolean isAllowed(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static OptionalInt firstForbidden(String input) {
    return input.codePoints().filter(c -> !isAllowed(c)).findFirst();
  }

  private static String explain(String input, Rule rule) {
    return switch (rule) {
      case EMPTY -> "it is empty";
      case TOO_LONG -> "it has " + input.length() + " characters, more than " + MAX_LENGTH;
      case FORBIDDEN_CHARACTER -> describe(firstForbidden(input).orElse('?'))
          + " is not allowed (only a-z, 0-9 and '-')";
      case MUST_START_WITH_NUMBER -> "it must start with a number, but '" + firstPart(input)
          + "' (the part before the first '-') is not one";
      case EMPTY_WORD -> "'-' must separate non-empty words (no '-' at the end, no '--')";
    };
  }

  private static String firstPart(String input) {
    int dash = input.indexOf('-');
    return dash < 0 ? input : input.substring(0, dash);
  }

  private static String describe(int c) {
    if (c == ' ') {
      return "a space";
    }
    if (Character.isUpperCase(c)) {
      return "upper case '" + Character.toString(c) + "'";
    }
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return String.format("the character U+%04X", c);
    }
    return "'" + Character.toString(c) + "'";
  }
}
