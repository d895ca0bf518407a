package dev.hop.maven;

import dev.hop.core.CheckResult;
import dev.hop.core.FleetCheckResult;
import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that the production database is what its releases made it: every applied file against Git, and the schema
 * against its version's snapshot (loaded into a scratch database on the same server, dropped at once). Fails the
 * build when anything differs: a CI gate. Over a fleet ({@code -Dhop.targets}, {@code -Dhop.databases}), each
 * database in turn.
 */
@Mojo(name = CheckMojo.GOAL, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractFleetMojo {
  static final String GOAL = "check";

  /** Fail the build when a released file or the schema differs; {@code false} only reports. */
  @Parameter(property = "hop.failOnDrift", defaultValue = "true")
  boolean failOnDrift;

  /** Compare the schema too (needs CREATEDB on the database's server); {@code false} compares the files only. */
  @Parameter(property = "hop.checkSchema", defaultValue = "true")
  boolean checkSchema;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException, MojoFailureException {
    if (isFleet()) {
      FleetCheckResult fleet = fleet(hop.checkFleet(), hop).setSchema(checkSchema).call();
      fleet.lines().forEach(fleet.drifted() ? getLog()::warn : getLog()::info);
      return fleet;
    }
    CheckResult result = hop.check().setSchema(checkSchema).call();
    for (String line : result.lines(hop.settings().hints())) {
      if (result.drifted()) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
    }
    return result;
  }

  @Override
  protected void check(Object result) throws MojoFailureException {
    if (result instanceof FleetCheckResult fleet) {
      if (failOnDrift && fleet.drifted()) {
        throw new MojoFailureException(fleet.count("DRIFTED") + " database" + (fleet.count("DRIFTED") == 1 ? ""
            : "s") + " of the fleet differ from their releases and " + fleet.count("FAILED") + " could not be"
            + " checked (listed above). Only report with -Dhop.failOnDrift=false");
      }
      return;
    }
    CheckResult check = (CheckResult) result;
    if (failOnDrift && check.drifted()) {
      throw new MojoFailureException("Database " + check.database() + " differs from its releases: "
          + check.files().size() + " released file" + (check.files().size() == 1 ? "" : "s") + ", "
          + check.schema().size() + " schema object" + (check.schema().size() == 1 ? "" : "s")
          + " (listed above). Only report with -Dhop.failOnDrift=false");
    }
  }
}
