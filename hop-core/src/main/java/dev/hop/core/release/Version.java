package dev.hop.core.release;

import dev.hop.core.errors.InvalidVersionException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version {@code MAJOR.MINOR.PATCH}, ordered numerically (1.10.0 follows 1.9.0).
 *
 * @param major the major number, at least 0
 * @param minor the minor number, at least 0
 * @param patch the patch number, at least 0
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

  /** The version of a project before its first release. */
  public static final Version ZERO = new Version(0, 0, 0);

  /** Each number is 0 or starts with 1-9; at most 9 digits so that it fits an int. */
  private static final String NUMBER = "(0|[1-9][0-9]{0,8})";
  private static final Pattern FORM = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER);
  private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
      .thenComparingInt(Version::minor)
      .thenComparingInt(Version::patch);

  public Version {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version number: " + major + "." + minor + "." + patch);
    }
  }

  /**
   * Reads a strict {@code MAJOR.MINOR.PATCH}: no sign, no leading zero, no surrounding space.
   *
   * @throws InvalidVersionException when {@code input} has another form
   */
  public static Version parse(String input) throws InvalidVersionException {
    return tryParse(input).orElseThrow(() -> new InvalidVersionException(String.valueOf(input)));
  }

  /** Like {@link #parse} but empty instead of a refusal, for names that may simply not be versions. */
  static Optional<Version> tryParse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(input);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Version(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  /** The next version at {@code level}: 1.4.2 gives 1.4.3, 1.5.0 or 2.0.0. */
  public Version bump(ReleaseLevel level) {
    return switch (level) {
      case PATCH -> new Version(major, minor, patch + 1);
      case MINOR -> new Version(major, minor + 1, 0);
      case MAJOR -> new Version(major + 1, 0, 0);
    };
  }

  public boolean isAfter(Version other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Version other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
