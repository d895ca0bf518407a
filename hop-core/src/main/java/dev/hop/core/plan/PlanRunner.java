package dev.hop.core.plan;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.HopException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs a goal's steps in order, one log line each with its duration; when a step fails, undoes the
 * steps already made, newest first, and reports what could not be undone.
 */
public final class PlanRunner {
  private final HopEvents events;
  private final Clock clock;

  public PlanRunner(HopEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Logs what the plan would do, changing nothing (the dry run: no second code path). */
  public void describe(List<Step> plan) {
    for (int i = 0; i < plan.size(); i++) {
      events.accept(HopEvent.lifecycle("Would " + lowerFirst(plan.get(i).description())
          + " (" + (i + 1) + "/" + plan.size() + ")"));
    }
  }

  /**
   * Runs every step; on a failure undoes the done steps in reverse and rethrows the failure, with what
   * could not be undone attached as suppressed exceptions and told as warnings.
   *
   * @throws HopException the first failure, as the failing step threw it
   */
  public void run(List<Step> plan) throws HopException {
    Deque<Step> done = new ArrayDeque<>();
    for (Step step : plan) {
      long start = clock.millis();
      try {
        step.action().run();
      } catch (HopException | RuntimeException failure) {
        events.accept(HopEvent.lifecycle(step.description() + ": failed after " + since(start)));
        rollBack(done, failure);
        throw failure;
      }
      events.accept(HopEvent.lifecycle(step.description() + " (" + since(start) + ")"));
      done.push(step);
    }
  }

  private void rollBack(Deque<Step> done, Exception failure) {
    List<String> kept = new ArrayList<>();
    while (!done.isEmpty()) {
      Step step = done.pop();
      if (!step.reversible()) {
        kept.add(step.description());
        continue;
      }
      try {
        step.undo().run();
        events.accept(HopEvent.lifecycle("Undone: " + lowerFirst(step.description())));
      } catch (HopException | RuntimeException undoFailure) {
        failure.addSuppressed(undoFailure);
        events.accept(HopEvent.warn("Could not undo '" + step.description() + "': "
            + undoFailure.getMessage()));
      }
    }
    if (!kept.isEmpty()) {
      events.accept(HopEvent.warn("Kept (cannot be undone): " + String.join("; ", kept)));
    }
  }

  private String since(long start) {
    return Durations.format(Duration.ofMillis(clock.millis() - start));
  }

  /** "Push ho-prod" → "push ho-prod", but "SQL check" stays as it is. */
  private static String lowerFirst(String s) {
    if (s.length() < 2 || !Character.isLowerCase(s.charAt(1))) {
      return s;
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
