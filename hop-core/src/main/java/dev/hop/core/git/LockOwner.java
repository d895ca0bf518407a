package dev.hop.core.git;

import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Who takes the team lock, as the lock records it: this machine and this process; and how to tell whether a process
 * of this machine still runs, so that a lock left by a run that was killed here can be broken at once.
 *
 * @param host this machine's name
 * @param pid this process's id
 * @param running whether a process of this machine with the given id still runs
 */
public record LockOwner(String host, long pid, LongPredicate running) {

  public LockOwner {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(running, "running");
  }

  /** This JVM on {@code host}. */
  public static LockOwner thisProcess(String host) {
    return new LockOwner(host, ProcessHandle.current().pid(),
        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  /** Whether {@code holder} was taken on this machine by a process that no longer runs. */
  boolean outlived(LockRecord holder) {
    return holder.host().equals(host) && holder.pid() > 0 && holder.pid() != pid && !running.test(holder.pid());
  }
}
