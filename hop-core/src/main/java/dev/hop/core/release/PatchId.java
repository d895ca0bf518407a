package dev.hop.core.release;

import dev.hop.core.errors.InvalidPatchIdException.Rule;
import dev.hop.core.errors.InvalidPatchIdException;
import java.util.Objects;
import java.util.Optional;

/**
 * The id of a patch: {@code <number>} or {@code <number>-<words>} in lower case, at most 64 characters
 *, so that it is safe as a folder name, a branch name and a tag name.
 *
 * @param value the id as written, e.g. {@code 007-add-users}
 */
public record PatchId(String value) {

  public PatchId {
    Objects.requireNonNull(value, "value");
    Optional<Rule> broken = brokenRule(value);
    if (broken.isPresent()) {
      throw new IllegalArgumentException(new InvalidPatchIdException(value, broken.get()).getMessage());
    }
  }

  /**
   * Checks and wraps a user's text.
   *
   * @throws InvalidPatchIdException naming the rule the text breaks
   */
  public static PatchId of(String input) throws InvalidPatchIdException {
    String text = input == null ? "" : input;
    try {
      return new PatchId(text); // the constructor checks the rules, once
    } catch (IllegalArgumentException e) {
      throw new InvalidPatchIdException(text, brokenRule(text).orElseThrow());
    }
  }

  // equals and hashCode written out: a record's own go through invokedynamic, which a fresh JVM runs slowly for the
  // first thousands of calls, and every goal hashes the ids of every release file

  @Override
  public boolean equals(Object other) {
    return other instanceof PatchId id && value.equals(id.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * The first rule {@code text} breaks, in the order of {@link Rule}; empty when it is a valid id, that
   * is when it matches {@code ^\d+$} or {@code ^\d+-[a-z0-9]+(-[a-z0-9]+)*$} within 64 characters.
   */
  static Optional<Rule> brokenRule(String text) {
    if (text.isEmpty()) {
      return Optional.of(Rule.EMPTY);
    }
    if (text.length() > InvalidPatchIdException.MAX_LENGTH) {
      return Optional.of(Rule.TOO_LONG);
    }
    // one pass, one charAt per character: release files list thousands of ids, read at every goal in a fresh JVM,
    // whose interpreter pays for every call; the rules are then reported in their order
    int length = text.length();
    int firstDash = -1;
    boolean notNumber = false;
    boolean emptyWord = false;
    boolean afterDash = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (c == '-') {
        if (firstDash < 0) {
          firstDash = i;
        }
        emptyWord |= afterDash || i + 1 == length;
        afterDash = true;
        continue;
      }
      if (!digit && (c < 'a' || c > 'z')) {
        return Optional.of(Rule.FORBIDDEN_CHARACTER);
      }
      notNumber |= firstDash < 0 && !digit;
      afterDash = false;
    }
    if (firstDash == 0 || notNumber) {
      return Optional.of(Rule.MUST_START_WITH_NUMBER);
    }
    if (emptyWord) {
      return Optional.of(Rule.EMPTY_WORD);
    }
    return Optional.empty();
  }

  /** The number: the part before the first '-', as written (e.g. {@code 007}). */
  public String number() {
    int dash = value.indexOf('-');
    return dash < 0 ? value : value.substring(0, dash);
  }

  @Override
  public String toString() {
    return value;
  }
}
