package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.git.OriginSync;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.FleetRunner;
import dev.hop.core.workflow.FleetSelection;
import dev.hop.core.workflow.FleetUpgrade;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code update} over a fleet: ho-prod brought up to origin once, then each database's version and the releases
 * upgrade would apply to it; a database whose version cannot be read is reported as such. Changes no database.
 */
public final class FleetUpdateCommand extends FleetCommand<FleetUpdateCommand, FleetUpdateResult> {
  static final String GOAL = "update";


  FleetUpdateCommand(Project project) {
    super(project);
  }

  @Override
  protected Changes<FleetUpdateResult> check() throws HopException {
    FleetSelection.Selection fleet = select(GOAL);
    ProductionCheckout.fetchOnHoProd(project.git(), GOAL, OriginSync.Scope.EVERYTHING);
    return () -> {
      boolean pulled = ProductionCheckout.pullCheckingTreeOnlyToPull(project.git(), GOAL);
      ProductionCheckout.requireCommittedReleases(project.git(), GOAL);
      Releases releases = project.releases();
      List<FleetUpdateResult.Database> databases = runner().run(fleet.members(), m -> version(m, releases),
          d -> d.error().isPresent(), m -> new FleetUpdateResult.Database(m.name(), Optional.empty(), List.of(),
              Optional.of(FleetRunner.NOT_STARTED)));
      return new FleetUpdateResult(fleet.shard(), releases.productionVersion(), pulled, databases, took());
    };
  }

  private FleetUpdateResult.Database version(FleetUpgrade.Member m, Releases releases) {
    ProductionDatabase database = ProductionDatabase.of(m.target(), project.settings().hints());
    try (Connection c = database.target().connect()) {
      Version version = database.version(c);
      return new FleetUpdateResult.Database(m.name(), Optional.of(version),
          releases.upgradePath(version, Optional.empty()), Optional.empty());
    } catch (HopException | SQLException | RuntimeException e) {
      return new FleetUpdateResult.Database(m.name(), Optional.empty(), List.of(),
          Optional.of(String.valueOf(e.getMessage())));
    }
  }
}
