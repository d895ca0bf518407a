package dev.hop.core;

import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code update} found over a fleet after syncing ho-prod: each database's version and the releases it lacks.
 *
 * @param shard the shard reported ({@code i/n}), empty for the whole fleet
 * @param productionVersion the latest production release of the project
 * @param pulled whether ho-prod moved (commits were pulled from origin)
 * @param databases one per database, in the fleet's order
 * @param took how long the goal ran
 */
public record FleetUpdateResult(Optional<String> shard, Version productionVersion, boolean pulled,
    List<Database> databases, Duration took) {

  /**
   * One database.
   *
   * @param version its version, when it could be read
   * @param path the releases upgrade would apply to it, in order
   * @param error why its version could not be read
   */
  public record Database(String name, Optional<Version> version, List<Version> path, Optional<String> error) {
    public Database {
      path = List.copyOf(path);
    }
  }

  public FleetUpdateResult {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(productionVersion, "productionVersion");
    databases = List.copyOf(databases);
    Objects.requireNonNull(took, "took");
  }

  /** The databases by version, then those whose version could not be read. */
  public List<String> lines(String upgrade) {
    List<String> lines = new ArrayList<>();
    lines.add("ho-prod " + (pulled ? "updated from origin" : "already up to date with origin") + "; production version "
        + productionVersion);
    int width = Math.max(8, databases.stream().mapToInt(d -> d.name().length()).max().orElse(8));
    for (Database d : databases) {
      lines.add(String.format("%-" + width + "s  %-8s  %s", d.name(), d.version().map(Version::toString).orElse("-"),
          d.error().map(e -> "unknown: " + e.lines().findFirst().orElse("")).orElse(d.path().isEmpty()
              ? "up to date" : "behind: " + d.path().stream().map(Version::toString)
              .collect(Collectors.joining(" -> ")))));
    }
    long behind = databases.stream().filter(d -> !d.path().isEmpty()).count();
    long unknown = databases.stream().filter(d -> d.error().isPresent()).count();
    lines.add(databases.size() + " database" + (databases.size() == 1 ? "" : "s") + shard.map(s -> " (shard " + s
        + ")").orElse("") + ": " + (databases.size() - behind - unknown) + " up to date, " + behind + " behind"
        + (unknown > 0 ? ", " + unknown + " unknown" : ""));
    if (behind > 0) {
      lines.add("Run: " + upgrade);
    }
    return lines;
  }
}
