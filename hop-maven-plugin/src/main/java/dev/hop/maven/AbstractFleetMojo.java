package dev.hop.maven;

import dev.hop.core.FleetCommand;
import dev.hop.core.FleetTarget;
import dev.hop.core.Hop;
import dev.hop.core.base.HopSettings;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A production goal that also works over a fleet of databases (update, upgrade, check). */
public abstract class AbstractFleetMojo extends AbstractHopMojo {

  /**
   * Work on a fleet: a file listing one database per line (a JDBC URL, or a settings.xml server id whose
   * {@code <configuration><url>} gives it; then optionally a name and {@code server=<id>} for its credentials).
   */
  @Parameter(property = "hop.targets")
  String targets;

  /** Work on a fleet: every database of hop.url's server whose name matches this SQL LIKE pattern. */
  @Parameter(property = "hop.databases")
  String databases;

  /** Work on the i-th of n shards of the fleet only (i/n), one per CI agent. */
  @Parameter(property = "hop.shard")
  String shard;

  /** How many databases of a fleet are worked on at once (each with a connection of its own). */
  @Parameter(property = "hop.parallel", defaultValue = "4")
  int parallel;

  /** Stop starting the databases of a fleet once one failed (for check: drifted or could not be checked). */
  @Parameter(property = "hop.failFast", defaultValue = "false")
  boolean failFast;

  /** Whether a fleet was named ({@code hop.targets} or {@code hop.databases}). */
  protected final boolean isFleet() {
    return value(targets).isPresent() || value(databases).isPresent();
  }

  /**
   * {@code command} with the fleet's parameters set: the databases the targets file lists (each with its credentials
   * or the goal's), the LIKE pattern, the shard, how many at once (at least 1) and failFast.
   */
  protected final <C extends FleetCommand<C, ?>> C fleet(C command, Hop hop) throws MojoFailureException {
    return command.setTargets(listed(hop)).setDatabasePattern(value(databases)).setShard(value(shard))
        .setParallel(Math.max(1, parallel)).setFailFast(failFast);
  }

  private List<FleetTarget> listed(Hop hop) throws MojoFailureException {
    if (value(targets).isEmpty()) {
      return List.of();
    }
    HopSettings settings = hop.settings();
    return FleetTargetsFile.read(basedir.toPath().resolve(targets.trim()), new Credentials(settings.user(),
        Optional.ofNullable(settings.password().reveal())), servers());
  }

  private static Optional<String> value(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
