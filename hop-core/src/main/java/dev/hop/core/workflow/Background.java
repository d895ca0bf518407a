package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;

/**
 * Work a goal runs on a thread of its own while it does other work (read its files, query its database): the
 * result, or the failure, is handed over on the caller's thread by {@link #await()}. The thread inherits the
 * caller's context class loader; the goal must wait for it before it ends (Maven then disposes of the plugin's class
 * loader), which {@link #join()} does without rethrowing.
 *
 * @param <T> the result
 */
public final class Background<T> {

  /** The work; it may throw the goal's own exceptions. */
  @FunctionalInterface
  public interface Work<T> {
    T call() throws HopException;
  }

  private final Thread thread;
  private T result;
  private Throwable failure;

  private Background(String name, Work<T> work) {
    this.thread = new Thread(() -> run(work), name);
    thread.setDaemon(true);
  }

  /** Starts {@code work} on a new daemon thread called {@code name}. */
  public static <T> Background<T> start(String name, Work<T> work) {
    Background<T> background = new Background<>(name, work);
    background.thread.start();
    return background;
  }

  private void run(Work<T> work) {
    try {
      result = work.call();
    } catch (HopException | RuntimeException | Error e) {
      failure = e;
    }
  }

  /**
   * Waits for the work, then returns its result or throws what it threw.
   *
   * @throws HopException the work's own failure
   */
  public T await() throws HopException {
    join();
    if (failure instanceof HopException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return result;
  }

  /** Waits until the work is over, however it ended; an interrupt is kept for the caller, not obeyed. */
  public void join() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the work is over. */
  boolean isDone() {
    return !thread.isAlive();
  }
}
