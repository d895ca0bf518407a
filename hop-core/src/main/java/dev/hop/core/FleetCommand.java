package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.FleetRunner;
import dev.hop.core.workflow.FleetSelection;
import dev.hop.core.workflow.Project;
import java.util.List;
import java.util.Optional;

/**
 * A goal over a fleet of databases of the project's schema: those listed, those of hop.url's server whose name
 * matches a {@code LIKE} pattern, optionally one shard of them.
 *
 * @param <C> the command itself, which the setters return
 * @param <R> the goal's result
 */
public abstract class FleetCommand<C extends FleetCommand<C, R>, R> extends HopCommand<R> {
  private List<FleetTarget> targets = List.of();
  private Optional<String> pattern = Optional.empty();
  private Optional<String> shard = Optional.empty();
  private FleetRunner runner = new FleetRunner(4, false);

  FleetCommand(Project project) {
    super(project);
  }

  /** The databases listed by the caller. */
  public C setTargets(List<FleetTarget> targets) {
    checkCallable();
    this.targets = List.copyOf(targets);
    return self();
  }

  /** Adds the databases of hop.url's server whose name matches this SQL {@code LIKE} pattern. */
  public C setDatabasePattern(Optional<String> pattern) {
    checkCallable();
    this.pattern = pattern;
    return self();
  }

  /** Only this shard of the fleet, {@code i/n} (the i-th of n). */
  public C setShard(Optional<String> shard) {
    checkCallable();
    this.shard = shard;
    return self();
  }

  /** How many databases are worked on at once (4 by default). */
  public C setParallel(int parallel) {
    checkCallable();
    runner = new FleetRunner(parallel, runner.failFast());
    return self();
  }

  /** Stops starting databases once one failed. */
  public C setFailFast(boolean failFast) {
    checkCallable();
    runner = new FleetRunner(runner.parallel(), failFast);
    return self();
  }

  /** Runs a piece of work per database, {@link #setParallel parallel} at once, honouring {@code failFast}. */
  protected final FleetRunner runner() {
    return runner;
  }

  /**
   * The fleet, selected, with the shard as the result names it.
   *
   * @throws dev.hop.core.errors.ProductionDatabaseException FLEET for an empty fleet or two databases of one name
   * @throws dev.hop.core.errors.InvalidShardException for a shard that is not i/n
   */
  protected final FleetSelection.Selection select(String goal) throws HopException {
    return FleetSelection.of(project, FleetTarget.members(targets), pattern, shard, goal);
  }

  @SuppressWarnings("unchecked")
  private C self() {
    return (C) this;
  }
}
