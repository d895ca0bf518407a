package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that every patch branch of origin gets the promotion notice, leaving the user's checkout alone. */
class NotifierIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @BeforeEach
  void open() throws Exception {
    for (String id : new String[] {"1-a", "2-b", "3"}) {
      git.git("bob", "switch", "-q", "-c", "ho-patch/" + id, "ho-prod");
      git.commit("bob", "Patches/" + id + "/README.md", id + "\n");
      git.git("bob", "push", "-q", "origin", "ho-patch/" + id);
    }
  }


  @Test
  void everyOriginPatchBranchGetsAnEmptyCommit() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    git.sandbox.write("alice", "scratch.txt", "uncommitted\n");
    String head = git.git("alice", "rev-parse", "HEAD");
    new OriginSync(alice).fetch();

    assertThat(new Notifier(alice, GitFixture.clock()).notifyPromotion("1.4.0-rc1"))
        .containsExactly("ho-patch/1-a", "ho-patch/2-b", "ho-patch/3");

    git.git("bob", "fetch", "-q", "origin");
    for (String id : new String[] {"1-a", "2-b", "3"}) {
      assertThat(git.git("bob", "log", "-1", "--format=%s", "origin/ho-patch/" + id))
          .isEqualTo("[ho] 1.4.0-rc1 promoted (MERGE REQUIRED)");
      assertThat(git.git("bob", "log", "-1", "--format=%b", "origin/ho-patch/" + id)).contains("merge origin/ho-prod");
      assertThat(git.git("bob", "diff", "--stat", "origin/ho-patch/" + id + "~1", "origin/ho-patch/" + id)).isEmpty();
    }
    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(head);
    assertThat(git.git("alice", "symbolic-ref", "--short", "HEAD")).isEqualTo("ho-prod");
    assertThat(git.git("alice", "status", "--porcelain")).isEqualTo("?? scratch.txt");
  }

  @Test
  void aBranchThatMovedIsAWarningAndTheOthersAreStillNotified() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    git.commit("bob", "late.txt", "late\n");
    git.git("bob", "push", "-q", "origin", "ho-patch/3");

    assertThat(new Notifier(alice, GitFixture.clock()).notifyPromotion("1.4.0"))
        .containsExactly("ho-patch/1-a", "ho-patch/2-b");

    assertThat(git.originGit("log", "-1", "--format=%s", "ho-patch/3")).isEqualTo("change late.txt");
    assertThat(git.originGit("log", "-1", "--format=%s", "ho-patch/2-b")).isEqualTo("[ho] 1.4.0 promoted (MERGE REQUIRED)");
    assertThat(git.events).filteredOn(e -> e.level() == HopEvent.Level.WARN).singleElement()
        .extracting(HopEvent::message).asString().startsWith("Could not notify ho-patch/3 of 1.4.0: origin answered REJECTED");
  }
}
