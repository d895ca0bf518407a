package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.TeamRefusalException;
import dev.hop.core.release.PatchId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reservation, lock and atomic-push scenarios run against origin served by a real network protocol;
 * subclasses start the server and give alice's and bob's remote access.
 */
abstract class RemoteScenarios {
  @TempDir
  Path dir;

  GitFixture git;
  private RemoteAccess aliceAccess;
  private RemoteAccess bobAccess;

  /** Starts the server serving {@code root}'s {@code origin.git}; returns its URL. */
  abstract String startServer(Path root) throws Exception;

  /** Access for {@code developer} that the server accepts. */
  abstract RemoteAccess access(String developer) throws Exception;

  abstract void stopServer() throws Exception;

  @BeforeEach
  void open() throws Exception {
    git = new GitFixture(dir);
    String url = startServer(git.sandbox.root());
    git.git("alice", "remote", "set-url", "origin", url);
    git.git("bob", "remote", "set-url", "origin", url);
    aliceAccess = access("alice");
    bobAccess = access("bob");
    git.workspace("alice", aliceAccess);
    git.workspace("bob", bobAccess);
  }

  @AfterEach
  void close() throws Exception {
    try {
      git.close();
    } finally {
      aliceAccess.close();
      bobAccess.close();
      stopServer();
    }
  }

  @Test
  void fetchAndSyncStatus() throws Exception {
    OriginSync sync = new OriginSync(git.workspace("alice"));
    sync.fetch();
    assertThat(sync.requireSynced("ho-prod").state()).isEqualTo(SyncStatus.State.SYNCED);
  }

  @Test
  void reservationIsGrantedOnce() throws Exception {
    new PatchReservation(git.workspace("alice"), Clock.systemUTC(), CommandHints.NEUTRAL).reserve(PatchId.of("4-a"));

    assertThatThrownBy(() -> new PatchReservation(git.workspace("bob"), Clock.systemUTC(), CommandHints.NEUTRAL)
        .reserve(PatchId.of("4-b")))
        .isInstanceOf(TeamRefusalException.class)
        .hasMessageStartingWith("Patch number 4 is already reserved by patch 4-a (tag ho-patch/4 exists on origin)");
    assertThat(git.originGit("tag", "-l", "-n9", "ho-patch/4")).contains("patch: 4-a");
  }

  @Test
  void lockIsExclusiveAndReleased() throws Exception {
    try (TeamLock lock = TeamLock.acquire(git.workspace("alice"), "promote", LockOwner.thisProcess("a-host"),
        TeamLock.DEFAULT_TIMEOUT, Clock.systemUTC(), CommandHints.NEUTRAL)) {
      assertThatThrownBy(() -> TeamLock.acquire(git.workspace("bob"), "patch-add", LockOwner.thisProcess("b-host"),
        TeamLock.DEFAULT_TIMEOUT, Clock.systemUTC(), CommandHints.NEUTRAL))
          .isInstanceOf(TeamRefusalException.class).hasMessageStartingWith("ho-prod is locked by alice on a-host");
    }
    assertThat(git.originGit("tag", "-l")).isEmpty();
    TeamLock.acquire(git.workspace("bob"), "patch-add", LockOwner.thisProcess("b-host"),
        TeamLock.DEFAULT_TIMEOUT, Clock.systemUTC(), CommandHints.NEUTRAL).close();
  }

  @Test
  void atomicPushRejectedLeavesOriginUnchanged() throws Exception {
    GitWorkspace bob = git.workspace("bob");
    ObjectId bobs = new Committer(bob, Clock.systemUTC()).commit("bob's change", "", List.of()).objectId();
    new Pusher(bob).pushAtomic(List.of(RefPush.branch("ho-prod", bobs)));
    GitWorkspace alice = git.workspace("alice");
    ObjectId commit = new Committer(alice, Clock.systemUTC()).commit("Release 1.0.0", "", List.of()).objectId();
    ObjectId tag = new Tags(alice, Clock.systemUTC()).create("v1.0.0", GitId.of(commit), "[ho] Release 1.0.0").objectId();
    String before = git.originGit("show-ref");

    assertThatThrownBy(() -> new Pusher(alice).pushAtomic(List.of(RefPush.create("refs/tags/v1.0.0", tag),
        RefPush.branch("ho-prod", commit))))
        .isInstanceOf(TeamRefusalException.class).hasMessageContaining("refs/heads/ho-prod [REJECTED_NONFASTFORWARD]");

    assertThat(git.originGit("show-ref")).isEqualTo(before);
    assertThat(git.originGit("log", "-1", "--format=%s", "ho-prod")).isEqualTo("[ho] bob's change");
  }
}
