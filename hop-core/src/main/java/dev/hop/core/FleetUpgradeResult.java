package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code upgrade} did over a fleet: each database with its versions before and after, its outcome and duration,
 * and the plan files of a dry run.
 *
 * @param shard the shard upgraded ({@code i/n}), empty for the whole fleet
 * @param databases one per database, in the fleet's order
 * @param planFiles a dry run's plans, one per version the databases are at
 * @param took how long the goal ran
 */
public record FleetUpgradeResult(Optional<String> shard, List<Database> databases, List<Path> planFiles,
    Duration took) {

  /**
   * One database's outcome.
   *
   * @param status {@code UP_TO_DATE}, {@code UPGRADED}, {@code DRY_RUN}, {@code FAILED} or {@code NOT_RUN}
   * @param from its version before, when it was read
   * @param to its version after, or the one a dry run would reach
   * @param releases how many releases were (or would be) applied
   * @param took how long it took, its backup included
   * @param backup the backup taken before its upgrade
   * @param backupTook how long taking that backup took
   * @param error why it failed or did not run
   */
  public record Database(String name, String status, Optional<Version> from, Optional<Version> to, int releases,
      Duration took, Optional<Path> backup, Optional<Duration> backupTook, Optional<String> error) {
  }

  public FleetUpgradeResult {
    Objects.requireNonNull(shard, "shard");
    databases = List.copyOf(databases);
    planFiles = List.copyOf(planFiles);
    Objects.requireNonNull(took, "took");
  }

  /** How many databases came out with {@code status}. */
  public long count(String status) {
    return databases.stream().filter(d -> d.status().equals(status)).count();
  }

  /** Whether any database failed or was not run. */
  public boolean failed() {
    return count("FAILED") + count("NOT_RUN") > 0;
  }

  /** A table of the databases, then the totals and the next command. */
  public List<String> lines(CommandHints hints) {
    List<String> lines = new ArrayList<>();
    int width = Math.max(8, databases.stream().mapToInt(d -> d.name().length()).max().orElse(8));
    lines.add(String.format("%-" + width + "s  %-8s  %-8s  %-10s  %9s  %9s", "database", "from", "to", "outcome",
        "took", "backup"));
    for (Database d : databases) {
      lines.add(String.format("%-" + width + "s  %-8s  %-8s  %-10s  %7d ms  %9s", d.name(),
          d.from().map(Version::toString).orElse("-"), d.to().map(Version::toString).orElse("-"), d.status(),
          d.took().toMillis(), d.backupTook().map(t -> t.toMillis() + " ms").orElse("-")));
    }
    lines.add(databases.size() + " database" + (databases.size() == 1 ? "" : "s") + shard.map(s -> " (shard " + s
        + ")").orElse("") + ": " + count("UPGRADED") + " upgraded, " + count("UP_TO_DATE") + " up to date"
        + (count("DRY_RUN") > 0 ? ", " + count("DRY_RUN") + " to upgrade (dry run)" : "") + ", " + count("FAILED")
        + " failed" + (count("NOT_RUN") > 0 ? ", " + count("NOT_RUN") + " not run" : ""));
    planFiles.forEach(p -> lines.add("Plan: " + p));
    if (failed()) {
      databases.stream().filter(d -> d.error().isPresent() && d.status().equals("FAILED"))
          .forEach(d -> lines.add("[" + d.name() + "] " + d.error().get()));
      lines.add("Every failed upgrade was undone. Fix the cause, then run the same command again: the databases"
          + " upgraded already are up to date, the others are upgraded (" + hints.command("upgrade") + ")");
    }
    return lines;
  }
}
