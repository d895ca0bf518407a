package dev.hop.maven;

import dev.hop.core.FleetUpdateResult;
import dev.hop.core.Hop;
import dev.hop.core.UpdateResult;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Syncs ho-prod with origin and lists the production releases the database lacks, with the upgrade path; over a fleet
 * ({@code -Dhop.targets}, {@code -Dhop.databases}), each database's version and the releases it lacks.
 */
@Mojo(name = UpdateMojo.GOAL, threadSafe = true, requiresProject = true)
public class UpdateMojo extends AbstractFleetMojo {
  static final String GOAL = "update";


  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException, MojoFailureException {
    if (isFleet()) {
      FleetUpdateResult fleet = fleet(hop.updateFleet(), hop).call();
      fleet.lines(hop.settings().hints().command("upgrade")).forEach(getLog()::info);
      return fleet;
    }
    UpdateResult result = hop.update().call();
    result.lines(hop.settings().hints().command("upgrade")).forEach(getLog()::info);
    return result;
  }
}
