package dev.hop.core.release;

import dev.hop.core.InvalidPatchIdException;
import dev.hop.core.InvalidPatchIdException.Rule;
import java.util.Objects;
import java.util.Optional;

/**
 * The id of a patch: {@code <number>} or {@code <number>-<words>} in lower case, at most 64 characters
 * (SPEC §5), so that it is safe as a folder name, a branch name and a tag name.
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
    Optional<Rule> broken = brokenRule(text);
    if (broken.isPresent()) {
      throw new InvalidPatchIdException(text, broken.get());
    }
    return new PatchId(text);
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
    // one pass per rule, in plain loops: release files list thousands of ids, read at every goal
    for (int i = 0; i < text.length(); i++) {
      if (!InvalidPatchIdException.isAllowed(text.charAt(i))) {
        return Optional.of(Rule.FORBIDDEN_CHARACTER);
      }
    }
    int dash = text.indexOf('-');
    int numberEnd = dash < 0 ? text.length() : dash;
    if (numberEnd == 0) {
      return Optional.of(Rule.MUST_START_WITH_NUMBER);
    }
    for (int i = 0; i < numberEnd; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return Optional.of(Rule.MUST_START_WITH_NUMBER);
      }
    }
    for (int i = numberEnd; i < text.length(); i++) {
      if (text.charAt(i) == '-' && (i + 1 == text.length() || text.charAt(i + 1) == '-')) {
        return Optional.of(Rule.EMPTY_WORD);
      }
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
