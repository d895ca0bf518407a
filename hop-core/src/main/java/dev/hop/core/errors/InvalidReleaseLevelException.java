package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.List;

/** Refuses a release level other than {@code patch}, {@code minor} or {@code major}. */
public final class InvalidReleaseLevelException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** The accepted levels, in the order shown in messages. */
  public static final List<String> ACCEPTED = List.of("patch", "minor", "major");

  private final String input;

  public InvalidReleaseLevelException(String input, CommandHints hints) {
    super("Invalid release level '" + input + "': expected patch, minor or major. Run: "
        + hints.command("release-new", "level", "<" + String.join("|", ACCEPTED) + ">"));
    this.input = input;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }
}
