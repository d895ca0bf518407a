package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code mark-applied} recorded: the production releases from the database's version up to the one asked,
 * recorded as applied because the schema equals that release's snapshot; no patch ran.
 *
 * @param database the database's name
 * @param from its version before (0.0.0 when it recorded none)
 * @param to the release it is now recorded at
 * @param recorded the releases recorded, ascending; empty when the database already was at {@code to}
 * @param took how long the goal ran
 */
public record MarkAppliedResult(String database, Version from, Version to, List<Version> recorded, Duration took) {

  public MarkAppliedResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    recorded = List.copyOf(recorded);
    Objects.requireNonNull(took, "took");
  }

  /** What happened, the last line naming the next command as {@code hints} spells it. */
  public List<String> lines(CommandHints hints) {
    if (recorded.isEmpty()) {
      return List.of("Database " + database + " already records release " + to + ": nothing to record");
    }
    return List.of("Recorded release" + (recorded.size() == 1 ? " " : "s ") + recorded.stream().map(Version::toString)
        .collect(Collectors.joining(", ")) + " as applied in " + database + " (from " + from + "): its schema equals"
        + " model/schema-" + to + ".sql; no patch was run",
        "Check it with: " + hints.command("check"));
  }
}
