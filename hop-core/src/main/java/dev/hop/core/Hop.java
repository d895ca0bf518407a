package dev.hop.core;

import dev.hop.core.base.HopEvents;
import dev.hop.core.base.HopSettings;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.validate.TestRunner;
import dev.hop.core.workflow.Project;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of hop-core: holds the project's settings and event sink, and hands out one
 * single-use command object per goal.
 */
public final class Hop implements AutoCloseable {
  private final HopSettings settings;
  private final HopEvents events;
  private final Project project;

  private Hop(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment,
      Optional<TestRunner> testRunner) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.project = new Project(settings, events, clock, gitEnvironment, testRunner);
  }

  /** Opens hop on a project; nothing is read or connected until a command runs. */
  public static Hop open(HopSettings settings, HopEvents events) {
    return open(settings, events, Clock.systemUTC(), GitEnvironment.ofProcess());
  }

  /** Opens hop with an explicit clock and Git environment (home folder, variables), for tests. */
  public static Hop open(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment) {
    return new Hop(settings, events, clock, gitEnvironment, Optional.empty());
  }

  /**
   * Opens hop with an explicit clock, Git environment and way to run the project's tests in validation, for tests
   * that drive patch-add without forking Maven.
   */
  public static Hop open(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment,
      TestRunner tests) {
    return new Hop(settings, events, clock, gitEnvironment, Optional.of(tests));
  }

  public HopSettings settings() {
    return settings;
  }

  public HopEvents events() {
    return events;
  }

  /** {@code hop:status}: the state of the project's releases. */
  public StatusCommand status() {
    return new StatusCommand(project);
  }

  /** {@code hop:release-new}: creates the next stage release on ho-prod. */
  public ReleaseNewCommand releaseNew() {
    return new ReleaseNewCommand(project);
  }

  /** {@code hop:patch-new}: reserves a patch number and starts its branch. */
  public PatchNewCommand patchNew() {
    return new PatchNewCommand(project);
  }

  /** {@code hop:dev-db}: makes sure the development database (and the embedded server) answers. */
  public DevDbCommand devDb() {
    return new DevDbCommand(project);
  }

  /** {@code hop:db-stop}: stops the project's embedded server. */
  public DbStopCommand dbStop() {
    return new DbStopCommand(project);
  }

  /** {@code hop:patch-apply}: rebuilds the development database for the current patch branch. */
  public PatchApplyCommand patchApply() {
    return new PatchApplyCommand(project);
  }

  /** {@code hop:generate}: regenerates the relation classes from the development database as it is. */
  public GenerateCommand generate() {
    return new GenerateCommand(project);
  }

  /** {@code hop:patch-add}: validates a patch and adds it to a stage release. */
  public PatchAddCommand patchAdd() {
    return new PatchAddCommand(project);
  }

  /** {@code hop:promote}: promotes the stage to a release candidate, or the release candidate to production. */
  public PromoteCommand promote() {
    return new PromoteCommand(project);
  }

  /** {@code hop:update}: sync ho-prod with origin and report what the production database lacks. */
  public UpdateCommand update() {
    return new UpdateCommand(project);
  }

  /** {@code hop:upgrade}: bring the production database to the latest (or a given) production release. */
  public UpgradeCommand upgrade() {
    return new UpgradeCommand(project);
  }

  /** {@code hop:check}: the production database's applied files and schema compared with its releases. */
  public CheckCommand check() {
    return new CheckCommand(project);
  }

  /** {@code hop:history}: the releases the production database holds, their patches and files, newest first. */
  public HistoryCommand history() {
    return new HistoryCommand(project);
  }

  /** {@code hop:upgrade} over a fleet: many databases of the schema, in parallel, each as upgrade does one. */
  public FleetUpgradeCommand upgradeFleet() {
    return new FleetUpgradeCommand(project);
  }

  /** {@code hop:update} over a fleet: each database's version and the releases it lacks. */
  public FleetUpdateCommand updateFleet() {
    return new FleetUpdateCommand(project);
  }

  /** {@code hop:check} over a fleet: each database compared with its releases. */
  public FleetCheckCommand checkFleet() {
    return new FleetCheckCommand(project);
  }

  /** {@code hop:mark-applied}: record releases a DBA applied by hand, once the schema equals the snapshot. */
  public MarkAppliedCommand markApplied() {
    return new MarkAppliedCommand(project);
  }

  /** {@code hop:restore}: put back a backup that upgrade took, after a backup of the state it replaces. */
  public RestoreCommand restore() {
    return new RestoreCommand(project);
  }

  /** {@code adopt}: an existing database as the project's first release, or a further database of it. */
  public AdoptCommand adopt() {
    return new AdoptCommand(project);
  }

  /** {@code hop:clone}: clone a project and create its development database (the project dir is the parent). */
  public CloneCommand cloneProject() {
    return new CloneCommand(project);
  }

  @Override
  public void close() {
    project.close();
  }
}
