package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.RepositoryStateException;
import dev.hop.core.git.SyncStatus.State;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks fetch, sync status and fast-forward pulls between alice's clone and origin. */
class OriginSyncTest {
  @TempDir
  Path dir;

  private GitFixture git;
  private OriginSync sync;

  @BeforeEach
  void open() throws Exception {
    git = new GitFixture(dir);
    sync = new OriginSync(git.workspace("alice"));
  }

  @AfterEach
  void close() {
    git.close();
  }

  @Test
  void synced() throws Exception {
    sync.fetch();
    assertThat(sync.requireSynced("ho-prod")).isEqualTo(new SyncStatus("ho-prod", State.SYNCED, 0, 0));
  }

  @Test
  void ahead() throws Exception {
    git.commit("alice", "a.txt", "a\n");
    sync.fetch();
    assertThat(sync.status("ho-prod")).isEqualTo(new SyncStatus("ho-prod", State.AHEAD, 1, 0));
    assertThatThrownBy(() -> sync.requireSynced("ho-prod")).isInstanceOf(RepositoryStateException.class)
        .hasMessage("Repository not synced with origin: ho-prod is 1 commit ahead of origin/ho-prod."
            + " Run: git push origin ho-prod");
  }

  @Test
  void behindThenPulledFastForward() throws Exception {
    git.commit("bob", "b.txt", "b\n");
    String bobs = git.commit("bob", "c.txt", "c\n");
    git.git("bob", "push", "-q", "origin", "ho-prod");
    sync.fetch();
    assertThat(sync.status("ho-prod")).isEqualTo(new SyncStatus("ho-prod", State.BEHIND, 0, 2));

    assertThat(sync.pullFastForward().state()).isEqualTo(State.SYNCED);

    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(bobs);
    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(dir.resolve("alice/c.txt")).hasContent("c");
  }

  @Test
  void divergedIsRefusedByPull() throws Exception {
    git.commit("bob", "b.txt", "b\n");
    git.git("bob", "push", "-q", "origin", "ho-prod");
    String mine = git.commit("alice", "a.txt", "a\n");
    sync.fetch();
    assertThat(sync.status("ho-prod")).isEqualTo(new SyncStatus("ho-prod", State.DIVERGED, 1, 1));

    assertThatThrownBy(sync::pullFastForward).isInstanceOfSatisfying(RepositoryStateException.class,
        e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NOT_SYNCED))
        .hasMessageContaining("Cannot fast-forward ho-prod: ho-prod and origin/ho-prod have diverged");
    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(mine);
  }

  @Test
  void missingOnEitherSide() throws Exception {
    git.git("alice", "branch", "only-here");
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/only-there");
    sync.fetch();

    assertThat(sync.status("only-here").state()).isEqualTo(State.LOCAL_ONLY);
    assertThat(sync.status("only-there").state()).isEqualTo(State.ORIGIN_ONLY);
    assertThatThrownBy(() -> sync.requireSynced("only-there"))
        .hasMessageContaining("only-there exists only on origin. Run: git switch only-there");
    assertThatThrownBy(() -> sync.status("nowhere")).isInstanceOfSatisfying(RepositoryStateException.class,
        e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MISSING_REF));
  }

  @Test
  void fetchPrunesBranchesAndTagsDeletedOnOrigin() throws Exception {
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/ho-patch/1-gone");
    git.git("bob", "tag", "-a", "-m", "lock", "lock-ho-prod");
    git.git("bob", "push", "-q", "origin", "lock-ho-prod");
    sync.fetch();
    assertThat(git.git("alice", "branch", "-r")).contains("origin/ho-patch/1-gone");
    assertThat(git.git("alice", "tag", "-l")).isEqualTo("lock-ho-prod");

    git.git("bob", "push", "-q", "origin", ":refs/heads/ho-patch/1-gone", ":refs/tags/lock-ho-prod");
    sync.fetch();

    assertThat(git.git("alice", "branch", "-r")).doesNotContain("ho-patch/1-gone");
    assertThat(git.git("alice", "tag", "-l")).isEmpty();
  }

  @Test
  void fetchKeepsTheUsersOwnLocalTags() throws Exception {
    git.git("alice", "tag", "-a", "-m", "mine", "before-refactoring");
    git.git("alice", "tag", "my-lightweight-tag");
    git.git("bob", "tag", "-a", "-m", "reserved", "ho-patch/7");
    git.git("bob", "push", "-q", "origin", "ho-patch/7");
    sync.fetch();
    git.git("bob", "push", "-q", "origin", ":refs/tags/ho-patch/7");

    sync.fetch();

    assertThat(git.git("alice", "tag", "-l").lines()).containsExactly("before-refactoring", "my-lightweight-tag");
  }
}
