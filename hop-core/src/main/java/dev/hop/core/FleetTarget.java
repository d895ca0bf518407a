package dev.hop.core;

import dev.hop.core.base.Secret;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.workflow.FleetUpgrade;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One database of a fleet, as the caller resolved it (a JDBC URL and its credentials).
 *
 * @param name the name it is reported and sharded by; the database's name unless the targets file gives one
 * @param url its JDBC URL
 * @param user the user to connect as, when not the URL's or the driver's default
 * @param password the password, never printed
 */
public record FleetTarget(String name, String url, Optional<String> user, Secret password) {
  public FleetTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The fleet's members these targets name, for the fleet commands. */
  static List<FleetUpgrade.Member> members(List<FleetTarget> targets) {
    return targets.stream().map(t -> new FleetUpgrade.Member(t.name(), new DatabaseTarget(t.url(), t.user(),
        t.password()))).toList();
  }

  @Override
  public String toString() {
    return "FleetTarget[" + name + ", " + url + "]";
  }
}
