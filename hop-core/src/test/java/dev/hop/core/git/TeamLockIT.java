package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.TeamRefusalException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks the team lock: one holder at a time, stale locks broken, release on every path. */
class TeamLockIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @RegisterExtension
  final GitFixture git = new GitFixture();

  private static final long PID = ProcessHandle.current().pid();

  private TeamLock acquire(String developer, Clock clock) throws Exception {
    return acquire(developer, LockOwner.thisProcess(developer + "-host"), clock);
  }

  private TeamLock acquire(String developer, LockOwner owner, Clock clock) throws Exception {
    return TeamLock.acquire(git.workspace(developer), "patch-add", owner, TeamLock.DEFAULT_TIMEOUT, clock,
        CommandHints.NEUTRAL);
  }

  @Test
  void heldLockRefusesWithHolderAndAge() throws Exception {
    try (TeamLock lock = acquire("alice", Clock.fixed(T0, ZoneOffset.UTC))) {
      assertThat(git.originGit("cat-file", "-t", "lock-ho-prod")).isEqualTo("tag");
      assertThat(git.originGit("tag", "-l", "-n9", "lock-ho-prod")).contains("user: alice", "host: alice-host",
          "goal: patch-add", "since: 2026-03-01T10:00:00Z", "pid: " + PID);

      assertThatThrownBy(() -> acquire("bob", Clock.fixed(T0.plus(Duration.ofMinutes(12)), ZoneOffset.UTC)))
          .isInstanceOfSatisfying(TeamRefusalException.class, e -> {
            assertThat(e.reason()).isEqualTo(TeamRefusalException.Reason.LOCK_HELD);
            assertThat(e.holder()).contains("alice");
          })
          .hasMessageStartingWith("ho-prod is locked by alice on alice-host (patch-add, pid " + PID + ") since"
              + " 2026-03-01T10:00:00Z, 12 min ago")
          .hasMessageContaining("break the lock now with: hop patch-add hop.lockTimeout=0");
    }
    assertThat(git.originGit("tag", "-l")).isEmpty();
    assertThat(git.git("alice", "tag", "-l")).isEmpty();
  }

  @Test
  void staleLockIsBrokenWithAWarning() throws Exception {
    TeamLock forgotten = acquire("alice", Clock.fixed(T0, ZoneOffset.UTC));

    try (TeamLock lock = acquire("bob", Clock.fixed(T0.plus(Duration.ofMinutes(31)), ZoneOffset.UTC))) {
      assertThat(git.originGit("tag", "-l", "-n9", "lock-ho-prod")).contains("user: bob");
      assertThat(git.events).contains(HopEvent.warn("Breaking the stale lock on ho-prod held by alice on alice-host"
          + " (patch-add, pid " + PID + ") since 2026-03-01T10:00:00Z, 31 min ago (older than 30 min)"));
      forgotten.close();
      assertThat(git.originGit("tag", "-l", "-n9", "lock-ho-prod")).as("alice's late release leaves bob's lock")
          .contains("user: bob");
    }
    assertThat(git.originGit("tag", "-l")).isEmpty();
  }

  @Test
  void pushesItsRefsAndReleasesInOneAtomicPush() throws Exception {
    try (TeamLock lock = acquire("alice", Clock.fixed(T0, ZoneOffset.UTC))) {
      String next = git.commit("alice", "releases/0.1.0-stage.txt", "1\n");

      lock.pushAndRelease(List.of(RefPush.branch("ho-prod", ObjectId.fromString(next))));

      assertThat(git.originGit("rev-parse", "ho-prod")).isEqualTo(next);
      assertThat(git.originGit("tag", "-l")).isEmpty();
      assertThat(git.git("alice", "tag", "-l")).isEmpty();
    }
    assertThat(git.events).contains(HopEvent.detail("Released the lock on ho-prod"));
  }

  @Test
  void aBrokenLockPushesNothing() throws Exception {
    TeamLock broken = acquire("alice", Clock.fixed(T0, ZoneOffset.UTC));
    try (TeamLock lock = acquire("bob", Clock.fixed(T0.plus(Duration.ofMinutes(31)), ZoneOffset.UTC))) {
      String before = git.originGit("rev-parse", "ho-prod");
      String next = git.commit("alice", "releases/0.1.0-stage.txt", "1\n");

      assertThatThrownBy(() -> broken.pushAndRelease(List.of(RefPush.branch("ho-prod", ObjectId.fromString(next)))))
          .isInstanceOfSatisfying(TeamRefusalException.class,
              e -> assertThat(e.reason()).isEqualTo(TeamRefusalException.Reason.LOCK_HELD))
          .hasMessageStartingWith("The lock on ho-prod is no longer this run's: someone broke it as stale while"
              + " patch-add ran, so nothing was pushed (refs/heads/ho-prod)");

      assertThat(git.originGit("rev-parse", "ho-prod")).isEqualTo(before);
      broken.close();
      assertThat(git.originGit("tag", "-l", "-n9", "lock-ho-prod")).as("bob's lock kept").contains("user: bob");
    }
  }

  @Test
  void aLockLeftOnThisMachineByAProcessThatNoLongerRunsIsBrokenAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    LockOwner killedRun = new LockOwner("build-1", gone.pid(), pid -> ProcessHandle.of(pid).isPresent());
    acquire("alice", killedRun, Clock.fixed(T0, ZoneOffset.UTC));

    try (TeamLock lock = acquire("bob", LockOwner.thisProcess("build-1"),
        Clock.fixed(T0.plus(Duration.ofMinutes(1)), ZoneOffset.UTC))) {
      assertThat(git.originGit("tag", "-l", "-n9", "lock-ho-prod")).contains("user: bob", "pid: " + PID);
      assertThat(git.events).contains(HopEvent.warn("Breaking the lock on ho-prod held by alice on build-1"
          + " (patch-add, pid " + gone.pid() + ") since 2026-03-01T10:00:00Z, 1 min ago: that process no longer runs"
          + " on this machine (a run that was killed leaves its lock behind)"));
    }
  }

  @Test
  void aLockOfARunningProcessOrOfAnotherMachineIsNotBrokenBeforeItsTime() throws Exception {
    try (TeamLock held = acquire("alice", LockOwner.thisProcess("build-1"), Clock.fixed(T0, ZoneOffset.UTC))) {
      assertThatThrownBy(() -> acquire("bob", new LockOwner("build-1", PID + 1, pid -> true),
          Clock.fixed(T0.plus(Duration.ofMinutes(1)), ZoneOffset.UTC))).isInstanceOf(TeamRefusalException.class);
      assertThatThrownBy(() -> acquire("bob", new LockOwner("build-2", PID + 1, pid -> false),
          Clock.fixed(T0.plus(Duration.ofMinutes(1)), ZoneOffset.UTC))).isInstanceOf(TeamRefusalException.class)
          .hasMessageContaining("If you know that run is dead");
    }
  }

  @Test
  void releasedAfterAnException() throws Exception {
    assertThatThrownBy(() -> {
      try (TeamLock lock = acquire("alice", Clock.systemUTC())) {
        throw new IllegalStateException("goal failed");
      }
    }).hasMessage("goal failed");

    assertThat(git.originGit("tag", "-l")).isEmpty();
    assertThat(git.git("alice", "tag", "-l")).isEmpty();
    acquire("bob", Clock.systemUTC()).close();
  }

  @Test
  void twoClonesInParallelExactlyOneHolderPerRound() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    GitWorkspace bob = git.workspace("bob");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        CyclicBarrier start = new CyclicBarrier(2);
        CyclicBarrier tried = new CyclicBarrier(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (GitWorkspace ws : List.of(alice, bob)) {
          outcomes.add(pool.submit(() -> {
            start.await();
            TeamLock lock = null;
            try {
              lock = TeamLock.acquire(ws, "promote", LockOwner.thisProcess("host"), TeamLock.DEFAULT_TIMEOUT,
                  Clock.systemUTC(), CommandHints.NEUTRAL);
            } catch (TeamRefusalException e) {
              assertThat(e.reason()).isEqualTo(TeamRefusalException.Reason.LOCK_HELD);
            } finally {
              tried.await();
            }
            if (lock != null) {
              lock.close();
              return "held";
            }
            return "refused";
          }));
        }
        List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
        assertThat(results).as("round %d", round).containsExactlyInAnyOrder("held", "refused");
        assertThat(git.originGit("tag", "-l")).as("round %d released", round).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
