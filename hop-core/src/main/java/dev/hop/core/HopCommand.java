package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.Project;
import java.time.Duration;

/**
 * The shape of every goal's command: fluent setters, then one {@link #call()} that first checks every precondition,
 * changing nothing ({@link #check()}), and only then makes the changes the checks allowed. A command runs once.
 *
 * @param <R> the goal's result
 */
public abstract class HopCommand<R> {
  /** The project the command works on. */
  protected final Project project;
  private boolean called;
  private long started;

  HopCommand(Project project) {
    this.project = project;
  }

  /** The changes a command makes once its checks passed; a goal that changes nothing returns its result here. */
  @FunctionalInterface
  protected interface Changes<R> {
    R make() throws HopException;
  }

  /**
   * Checks every precondition of the goal and reads what it needs, changing nothing.
   *
   * @return what makes the changes
   */
  protected abstract Changes<R> check() throws HopException;

  /**
   * Checks, then changes.
   *
   * @throws IllegalStateException when the command already ran
   */
  public final R call() throws HopException {
    checkCallable();
    called = true;
    started = project.clock().millis();
    return check().make();
  }

  /** How long the command has run, by the project's clock. */
  protected final Duration took() {
    return Duration.ofMillis(project.clock().millis() - started);
  }

  /** Refuses a setter or a second call once the command ran: ask {@link Hop} for a new one. */
  protected final void checkCallable() {
    if (called) {
      throw new IllegalStateException("A " + getClass().getSimpleName() + " runs once; ask Hop for a new one");
    }
  }
}
