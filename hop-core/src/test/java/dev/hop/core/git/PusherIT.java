package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.TeamRefusalException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that a push of several refs is all-or-nothing on origin. */
class PusherIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void branchAndTagMoveTogether() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    ObjectId commit = new Committer(alice, GitFixture.clock()).commit("Release 1.0.0", "", List.of()).objectId();
    ObjectId tag = new Tags(alice, GitFixture.clock()).create("v1.0.0", GitId.of(commit), "[ho] Release 1.0.0").objectId();

    new Pusher(alice).pushAtomic(List.of(RefPush.branch("ho-prod", commit), RefPush.create("refs/tags/v1.0.0", tag)));

    assertThat(git.originGit("rev-parse", "ho-prod")).isEqualTo(commit.name());
    assertThat(git.originGit("cat-file", "-t", "v1.0.0")).isEqualTo("tag");
    assertThat(git.originGit("log", "-1", "--format=%s%n%an", "ho-prod")).isEqualTo("[ho] Release 1.0.0\nalice");
    assertThat(git.git("alice", "rev-parse", "origin/ho-prod")).as("tracking ref follows").isEqualTo(commit.name());
  }

  @Test
  void rejectedRefMovesNothing() throws Exception {
    git.commit("bob", "b.txt", "b\n");
    git.git("bob", "push", "-q", "origin", "ho-prod");
    GitWorkspace alice = git.workspace("alice");
    ObjectId commit = new Committer(alice, GitFixture.clock()).commit("Release 1.0.0", "", List.of()).objectId();
    ObjectId tag = new Tags(alice, GitFixture.clock()).create("v1.0.0", GitId.of(commit), "[ho] Release 1.0.0").objectId();
    String before = git.git("alice", "ls-remote", "origin");

    assertThatThrownBy(() -> new Pusher(alice).pushAtomic(List.of(RefPush.create("refs/tags/v1.0.0", tag),
        RefPush.branch("ho-prod", commit))))
        .isInstanceOfSatisfying(TeamRefusalException.class, e -> {
          assertThat(e.reason()).isEqualTo(TeamRefusalException.Reason.PUSH_REJECTED);
          assertThat(e.ref()).isEqualTo("refs/heads/ho-prod");
        })
        .hasMessageStartingWith("Origin rejected refs/heads/ho-prod [REJECTED_NONFASTFORWARD]")
        .hasMessageContaining("nothing was pushed");

    assertThat(git.git("alice", "ls-remote", "origin")).isEqualTo(before);
  }

  @Test
  void refChangedOnOriginAfterTheLeaseIsRejectedAtomically() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    ObjectId start = alice.resolve("refs/heads/ho-prod").orElseThrow();
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/ho-patch/1");
    git.commit("bob", "b.txt", "b\n");
    git.git("bob", "push", "-q", "-f", "origin", "ho-prod:refs/heads/ho-patch/1");
    String before = git.git("alice", "ls-remote", "origin");

    Pusher.Report report = new Pusher(alice).push(List.of(RefPush.create("refs/heads/ho-release/1.0.0/1", start),
        RefPush.delete("refs/heads/ho-patch/1", start)), true);

    assertThat(report.allAccepted()).isFalse();
    assertThat(report.rejected()).containsKey("refs/heads/ho-patch/1");
    assertThat(git.git("alice", "ls-remote", "origin")).isEqualTo(before);
  }
}
