package dev.hop.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopEnvironmentException;
import dev.hop.core.errors.HopException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs plans of stub steps: order, one line per step with its duration, undo in reverse on failure. */
class PlanRunnerTest {

  private final List<String> journal = new ArrayList<>();
  private final List<HopEvent> events = new ArrayList<>();
  private final TickingClock clock = new TickingClock();
  private final PlanRunner runner = new PlanRunner(events::add, clock);

  /**
   * A plan is written as steps separated by spaces: a name, then {@code !} when it fails, {@code ~}
   * when it cannot be undone, {@code ?} when its undo fails. The journal says what ran: {@code +a}
   * for a's action, {@code -a} for its undo.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      a b c       ; +a +b +c
      a b! c      ; +a +b -a
      a b c!      ; +a +b +c -b -a
      a~ b c!     ; +a +b +c -b
      a b? c!     ; +a +b +c -b -a
      a!          ; +a
      """)
  void runsInOrderAndUndoesTheDoneStepsNewestFirst(String plan, String expected) {
    try {
      runner.run(plan(plan));
    } catch (HopException e) {
      assertThat(e.getMessage()).endsWith("failed");
    }
    assertThat(String.join(" ", journal)).isEqualTo(expected);
  }

  @Test
  void logsOneLinePerStepWithItsDuration() throws Exception {
    runner.run(plan("a b"));

    assertThat(events).extracting(HopEvent::message).containsExactly("Step a (0.25 s)", "Step b (0.25 s)");
  }

  @Test
  void aFailureIsRethrownAsItWasWithUndoFailuresAttachedAndKeptStepsTold() {
    assertThatThrownBy(() -> runner.run(plan("a~ b? c!")))
        .isInstanceOf(HopException.class)
        .hasMessage("c failed")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("undo of b failed"));

    assertThat(events).extracting(HopEvent::level, HopEvent::message).contains(
        org.assertj.core.groups.Tuple.tuple(HopEvent.Level.LIFECYCLE, "Step c: failed after 0.25 s"),
        org.assertj.core.groups.Tuple.tuple(HopEvent.Level.WARN, "Could not undo 'Step b': undo of b failed"),
        org.assertj.core.groups.Tuple.tuple(HopEvent.Level.WARN, "Kept (cannot be undone): Step a"));
  }

  @Test
  void describeChangesNothing() {
    runner.describe(plan("a b! c"));

    assertThat(journal).isEmpty();
    assertThat(events).extracting(HopEvent::message)
        .containsExactly("Would step a (1/3)", "Would step b (2/3)", "Would step c (3/3)");
  }

  private List<Step> plan(String text) {
    List<Step> steps = new ArrayList<>();
    for (String spec : text.split(" ")) {
      String name = spec.replaceAll("[!~?]", "");
      Step.Action action = () -> {
        journal.add("+" + name);
        if (spec.contains("!")) {
          throw new Failure(name + " failed");
        }
      };
      Step.Action undo = () -> {
        journal.add("-" + name);
        if (spec.contains("?")) {
          throw new Failure("undo of " + name + " failed");
        }
      };
      steps.add(spec.contains("~") ? Step.irreversible("Step " + name, action) : Step.of("Step " + name, action, undo));
    }
    return steps;
  }

  private static final class Failure extends HopEnvironmentException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** A clock that moves 0.25 s at each reading: a step reads it twice, so every step takes 0.25 s. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public Instant instant() {
      now = now.plusMillis(250);
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
