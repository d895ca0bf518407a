package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.InvalidReleaseLevelException;
import java.util.Locale;

/** Which number of the production version a new release increments. */
public enum ReleaseLevel {
  PATCH,
  MINOR,
  MAJOR;

  /**
   * Reads {@code patch}, {@code minor} or {@code major}, in any case.
   *
   * @param hints spells the corrected command in the refusal
   * @throws InvalidReleaseLevelException for any other text
   */
  public static ReleaseLevel parse(String input, CommandHints hints) throws InvalidReleaseLevelException {
    String lower = input == null ? "" : input.toLowerCase(Locale.ROOT);
    for (ReleaseLevel level : values()) {
      if (level.label().equals(lower)) {
        return level;
      }
    }
    throw new InvalidReleaseLevelException(String.valueOf(input), hints);
  }

  /** The spelling users type: {@code patch}, {@code minor}, {@code major}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
