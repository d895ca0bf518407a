package dev.hop.core.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Does one piece of work per database of a fleet, at most {@code parallel} at once, and gives the results in the
 * fleet's order. The work reports a database's failure in its result, never by throwing; with {@code failFast}, once
 * a result is a failure the databases not started yet are not started, and get the {@code notRun} result instead.
 */
public final class FleetRunner {
  /** Why a database was not worked on: the error of a {@code notRun} result. */
  public static final String NOT_STARTED = "not started: an earlier database failed (failFast)";

  private final int parallel;
  private final boolean failFast;

  public FleetRunner(int parallel, boolean failFast) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
    }
    this.parallel = parallel;
    this.failFast = failFast;
  }

  /** How many databases are worked on at once. */
  public int parallel() {
    return parallel;
  }

  /** Whether a failure stops the databases not started yet. */
  public boolean failFast() {
    return failFast;
  }

  /**
   * Runs {@code work} for each member; returns when all are done.
   *
   * @param failed whether a result is a failure (for {@code failFast})
   * @param notRun the result of a member not started because an earlier one failed
   */
  public <T> List<T> run(List<FleetUpgrade.Member> members, Function<FleetUpgrade.Member, T> work,
      Predicate<T> failed, Function<FleetUpgrade.Member, T> notRun) {
    int threads = Math.min(parallel, Math.max(1, members.size()));
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "hop-fleet-" + started.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean stop = new AtomicBoolean();
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (FleetUpgrade.Member m : members) {
        futures.add(pool.submit(() -> {
          if (stop.get()) {
            return notRun.apply(m);
          }
          T result = work.apply(m);
          if (failFast && failed.test(result)) {
            stop.set(true);
          }
          return result;
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the fleet's databases were worked on", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A database's work ended without a result", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
