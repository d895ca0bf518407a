package dev.hop.core;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.AppliedFilesCheck;
import dev.hop.core.workflow.DatabaseCheck;
import dev.hop.core.workflow.FleetRunner;
import dev.hop.core.workflow.FleetSelection;
import dev.hop.core.workflow.FleetUpgrade;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code check} over a fleet: each database compared with its releases as {@code check} compares one, {@code parallel}
 * at once; a database that cannot be checked is reported as such, and the others are still checked (unless
 * {@code failFast}).
 */
public final class FleetCheckCommand extends FleetCommand<FleetCheckCommand, FleetCheckResult> {
  static final String GOAL = "check";

  private boolean schema = true;

  FleetCheckCommand(Project project) {
    super(project);
  }

  /** Whether to compare the schemas too (true by default). */
  public FleetCheckCommand setSchema(boolean schema) {
    checkCallable();
    this.schema = schema;
    return this;
  }

  @Override
  protected Changes<FleetCheckResult> check() throws HopException {
    FleetSelection.Selection fleet = select(GOAL);
    ProductionCheckout.requireReleasesOfHoProd(project.git(), GOAL);
    Releases releases = project.releases();
    Object git = new Object();
    AppliedFilesCheck.Memo appliedFiles = new AppliedFilesCheck.Memo(git);
    return () -> {
      List<FleetCheckResult.Database> databases = runner().run(fleet.members(),
          m -> check(m, releases, git, appliedFiles), d -> !d.status().equals("AS_RELEASED"),
          m -> new FleetCheckResult.Database(m.name(), "NOT_RUN", Optional.empty(), Optional.empty(),
              Optional.of(FleetRunner.NOT_STARTED)));
      return new FleetCheckResult(fleet.shard(), databases, took());
    };
  }

  /**
   * Checks one database; Git is read under {@code git}, one database at a time, and the applied files are compared
   * through {@code appliedFiles}, once per distinct record; the schema comparisons run side by side.
   */
  private FleetCheckResult.Database check(FleetUpgrade.Member m, Releases releases, Object git,
      AppliedFilesCheck.Memo appliedFiles) {
    long start = System.nanoTime();
    Optional<Version> version = Optional.empty();
    try {
      ProductionDatabase database = ProductionDatabase.of(m.target(), project.settings().hints())
          .requireExists(project.settings().hints());
      DatabaseCheck checked;
      synchronized (git) {
        checked = DatabaseCheck.read(project, database, releases, schema, GOAL);
      }
      version = Optional.of(checked.version());
      AppliedFilesCheck.Outcome files = checked.files(appliedFiles);
      CheckResult result = CheckResult.of(checked, files, checked.schema(project.settings().hints().command(GOAL)),
          Duration.ofNanos(System.nanoTime() - start));
      project.events().accept(HopEvent.lifecycle("[" + m.name() + "] " + checked.version() + ": "
          + (result.drifted() ? "drifted" : "as released")));
      return new FleetCheckResult.Database(m.name(), result.drifted() ? "DRIFTED" : "AS_RELEASED", version,
          Optional.of(result), Optional.empty());
    } catch (HopException | RuntimeException e) {
      project.events().accept(HopEvent.warn("[" + m.name() + "] not checked: " + String.valueOf(e.getMessage())
          .lines().findFirst().orElse("")));
      return new FleetCheckResult.Database(m.name(), "FAILED", version, Optional.empty(),
          Optional.of(String.valueOf(e.getMessage())));
    }
  }
}
