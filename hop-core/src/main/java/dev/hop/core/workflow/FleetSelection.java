package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.release.Shard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The databases a fleet goal works on: those listed, then those of hop.url's server whose name matches a
 * {@code LIKE} pattern, then the shard asked of them. Names are unique: they are reported and sharded by.
 */
public final class FleetSelection {

  private FleetSelection() {
  }

  /**
   * The databases selected, and the shard they are, as a result names it ({@code i/n}; empty for the whole fleet).
   */
  public record Selection(List<FleetUpgrade.Member> members, Optional<String> shard) {
    public Selection {
      members = List.copyOf(members);
    }
  }

  /**
   * Selects the fleet.
   *
   * @param goal the goal, for the refusals' commands
   * @throws ProductionDatabaseException FLEET for an empty fleet or two databases of one name
   * @throws dev.hop.core.errors.InvalidShardException for a shard that is not i/n
   */
  public static Selection of(Project project, List<FleetUpgrade.Member> listed, Optional<String> pattern,
      Optional<String> shard, String goal) throws HopException {
    CommandHints hints = project.settings().hints();
    Shard part = shard.isPresent() ? Shard.parse(shard.get(), hints) : Shard.ALL;
    List<FleetUpgrade.Member> fleet = new ArrayList<>(listed);
    if (pattern.isPresent()) {
      DatabaseTarget server = ProductionDatabase.of(project.settings(), goal).target();
      for (String name : new DatabaseServer(server, hints).matching(pattern.get())) {
        fleet.add(new FleetUpgrade.Member(name, server.withDatabase(name)));
      }
    }
    Set<String> names = new HashSet<>();
    for (FleetUpgrade.Member m : fleet) {
      if (!names.add(m.name())) {
        throw ProductionDatabaseException.fleetDuplicate(m.name(), goal, hints);
      }
    }
    if (fleet.isEmpty()) {
      throw ProductionDatabaseException.emptyFleet(pattern, goal, hints);
    }
    return new Selection(fleet.stream().filter(m -> part.contains(m.name())).toList(),
        part.equals(Shard.ALL) ? Optional.empty() : Optional.of(part.toString()));
  }
}
