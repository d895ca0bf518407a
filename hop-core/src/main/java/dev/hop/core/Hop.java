package dev.hop.core;

import dev.hop.core.git.GitEnvironment;
import dev.hop.core.workflow.Project;
import java.time.Clock;
import java.util.Objects;

/**
 * The entry point of hop-core: holds the project's settings and event sink, and hands out one
 * single-use command object per goal.
 */
public final class Hop implements AutoCloseable {
  private final HopSettings settings;
  private final HopEvents events;
  private final Project project;
  private final GitEnvironment gitEnvironment;

  private Hop(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.project = new Project(settings, events, clock, gitEnvironment);
    this.gitEnvironment = gitEnvironment;
  }

  /** Opens hop on a project; nothing is read or connected until a command runs. */
  public static Hop open(HopSettings settings, HopEvents events) {
    return open(settings, events, Clock.systemUTC(), GitEnvironment.ofProcess());
  }

  /**
   * Opens hop with an explicit clock and Git environment (home folder, variables), for tests.
   */
  public static Hop open(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment) {
    return new Hop(settings, events, clock, gitEnvironment);
  }

  public HopSettings settings() {
    return settings;
  }

  public HopEvents events() {
    return events;
  }

  /** {@code hop:status}: the state of the project's releases. */
  public StatusCommand status() {
    return new StatusCommand(settings);
  }

  /** {@code hop:update}: sync ho-prod with origin and report what the production database lacks. */
  public UpdateCommand update() {
    return new UpdateCommand(project);
  }

  /** {@code hop:upgrade}: bring the production database to the latest (or a given) production release. */
  public UpgradeCommand upgrade() {
    return new UpgradeCommand(project);
  }

  /** {@code hop:clone}: clone a project and create its development database (the project dir is the parent). */
  public CloneCommand cloneProject() {
    return new CloneCommand(project, gitEnvironment);
  }

  @Override
  public void close() {
    project.close();
  }
}
