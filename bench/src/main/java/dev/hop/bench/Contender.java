package dev.hop.bench;

import java.time.Duration;

/**
 * One side of a comparison: an untimed preparation (reset a database, check out a branch), then the timed run.
 *
 * @param name    shown in the results, e.g. {@code hop} or {@code flyway}
 * @param prepare runs before every timed run, untimed
 * @param run     the timed part; returns its wall-clock time (a forked Maven build measures itself)
 */
public record Contender(String name, Step prepare, TimedStep run) {

  /** An untimed step. */
  @FunctionalInterface
  public interface Step {
    void run() throws Exception;
  }

  /** A step that returns how long its measured part took. */
  @FunctionalInterface
  public interface TimedStep {
    Duration run() throws Exception;
  }

  public static Contender of(String name, Step prepare, TimedStep run) {
    return new Contender(name, prepare, run);
  }
}
