package dev.hop.core;

import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code check} found over a fleet: each database as released, drifted, or not checked (and why).
 *
 * @param shard the shard checked ({@code i/n}), empty for the whole fleet
 * @param databases one per database, in the fleet's order
 * @param took how long the goal ran
 */
public record FleetCheckResult(Optional<String> shard, List<Database> databases, Duration took) {

  /**
   * One database.
   *
   * @param status {@code AS_RELEASED}, {@code DRIFTED}, {@code FAILED} (not checked: the error says why) or
   *     {@code NOT_RUN} (not started: an earlier database drifted or failed, with failFast)
   * @param check what was found, when it was checked
   */
  public record Database(String name, String status, Optional<Version> version, Optional<CheckResult> check,
      Optional<String> error) {
  }

  public FleetCheckResult {
    Objects.requireNonNull(shard, "shard");
    databases = List.copyOf(databases);
    Objects.requireNonNull(took, "took");
  }

  /** How many databases came out with {@code status}. */
  public long count(String status) {
    return databases.stream().filter(d -> d.status().equals(status)).count();
  }

  /** Whether any database drifted or was not checked. */
  public boolean drifted() {
    return count("DRIFTED") + count("FAILED") + count("NOT_RUN") > 0;
  }

  /** A table of the databases, then each difference under its database. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    int width = Math.max(8, databases.stream().mapToInt(d -> d.name().length()).max().orElse(8));
    lines.add(String.format("%-" + width + "s  %-8s  %-11s  %5s  %6s", "database", "version", "outcome", "files",
        "schema"));
    for (Database d : databases) {
      lines.add(String.format("%-" + width + "s  %-8s  %-11s  %5s  %6s", d.name(),
          d.version().map(Version::toString).orElse("-"), d.status(),
          d.check().map(c -> Integer.toString(c.files().size())).orElse("-"),
          d.check().map(c -> c.schemaChecked() ? Integer.toString(c.schema().size()) : "-").orElse("-")));
    }
    lines.add(databases.size() + " database" + (databases.size() == 1 ? "" : "s") + shard.map(s -> " (shard " + s
        + ")").orElse("") + ": " + count("AS_RELEASED") + " as released, " + count("DRIFTED") + " drifted, "
        + (count("FAILED") + count("NOT_RUN")) + " not checked");
    for (Database d : databases) {
      d.check().ifPresent(c -> {
        c.files().forEach(f -> lines.add("[" + d.name() + "] " + f.description()));
        c.schema().forEach(s -> lines.add("[" + d.name() + "] " + s.description()));
      });
      d.error().ifPresent(e -> lines.add("[" + d.name() + "] " + e.lines().findFirst().orElse("")));
    }
    return lines;
  }
}
