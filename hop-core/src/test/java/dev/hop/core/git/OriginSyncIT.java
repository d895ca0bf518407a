package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.SyncStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks fetch, sync status and fast-forward pulls between alice's clone and origin. */
class OriginSyncIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();
  private OriginSync sync;

  @BeforeEach
  void open() throws Exception {
    sync = new OriginSync(git.workspace("alice"));
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
    assertThat(git.root().resolve("alice/c.txt")).hasContent("c");
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

  @Test
  void theStatusScopeFetchesWhatStatusReportsAndPrunesOnlyWithinIt() throws Exception {
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/ho-patch/1-open", "ho-prod:refs/heads/ho-release/0.1.0/2-done");
    git.git("bob", "tag", "-a", "-m", "lock", "lock-ho-prod");
    git.git("bob", "tag", "-a", "-m", "release", "v0.1.0");
    git.git("bob", "tag", "-a", "-m", "reserved", "ho-patch/3");
    git.git("bob", "push", "-q", "origin", "lock-ho-prod", "v0.1.0", "ho-patch/3");

    sync.fetch(OriginSync.Scope.STATUS);

    assertThat(git.git("alice", "branch", "-r").lines().map(String::strip))
        .containsExactlyInAnyOrder("origin/ho-prod", "origin/ho-patch/1-open");
    assertThat(git.git("alice", "tag", "-l")).isEqualTo("lock-ho-prod");

    sync.fetch();
    git.git("bob", "push", "-q", "origin", ":refs/heads/ho-release/0.1.0/2-done", ":refs/tags/ho-patch/3",
        ":refs/heads/ho-patch/1-open");
    sync.fetch(OriginSync.Scope.STATUS);

    // out of the scope, nothing was asked of origin, so nothing is pruned
    assertThat(git.git("alice", "branch", "-r").lines().map(String::strip))
        .containsExactlyInAnyOrder("origin/ho-prod", "origin/ho-release/0.1.0/2-done");
    assertThat(git.git("alice", "tag", "-l").lines()).containsExactly("ho-patch/3", "lock-ho-prod", "v0.1.0");
  }

  @Test
  void theProductionScopeFetchesHoProdAndTheReleaseTags() throws Exception {
    String bobs = git.commit("bob", "b.txt", "b\n");
    git.git("bob", "tag", "-a", "-m", "rc", "v0.1.0-rc1");
    git.git("bob", "tag", "-a", "-m", "release", "v0.1.0");
    git.git("bob", "tag", "-a", "-m", "reserved", "ho-patch/3");
    git.git("bob", "push", "-q", "origin", "ho-prod", "ho-prod:refs/heads/ho-patch/1-open", "v0.1.0-rc1", "v0.1.0",
        "ho-patch/3");

    sync.fetch(OriginSync.Scope.PRODUCTION);

    assertThat(git.git("alice", "rev-parse", "origin/ho-prod")).isEqualTo(bobs);
    assertThat(git.git("alice", "branch", "-r").strip()).isEqualTo("origin/ho-prod");
    assertThat(git.git("alice", "tag", "-l").lines()).containsExactly("v0.1.0", "v0.1.0-rc1");
  }

  @Test
  void anOriginOnDiskIsReadThroughGitsUploadPackWhenItIsOnThePath() throws Exception {
    Path bin = Files.createDirectories(git.root().resolve("bin"));
    Path calls = git.root().resolve("upload-pack-calls.txt");
    Path real = RemoteAccess.onPath(GitEnvironment.ofProcess(), "git-upload-pack").orElseThrow();
    script(bin.resolve("git-upload-pack"), "echo \"$GIT_PROTOCOL\" >> '" + calls + "'\nexec '" + real + "' \"$@\"\n");
    OriginSync forked = new OriginSync(git.workspace("alice", access(bin)));
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/ho-patch/1-open");

    forked.fetch(OriginSync.Scope.STATUS);

    assertThat(git.git("alice", "branch", "-r")).contains("origin/ho-patch/1-open");
    assertThat(Files.readAllLines(calls)).containsExactly("version=2");
  }

  @Test
  void anUploadPackThatFailsIsLeftForTheInProcessOne() throws Exception {
    Path bin = Files.createDirectories(git.root().resolve("bin"));
    Path calls = git.root().resolve("upload-pack-calls.txt");
    script(bin.resolve("git-upload-pack"), "echo refused >> '" + calls + "'\n"
        + "echo 'fatal: detected dubious ownership in repository' >&2\nexit 128\n");
    OriginSync forked = new OriginSync(git.workspace("alice", access(bin)));
    git.git("bob", "push", "-q", "origin", "ho-prod:refs/heads/ho-patch/1-open");

    forked.fetch();
    forked.fetch();

    assertThat(git.git("alice", "branch", "-r")).contains("origin/ho-patch/1-open");
    assertThat(Files.readAllLines(calls)).containsExactly("refused");
  }

  private static RemoteAccess access(Path bin) {
    return RemoteAccess.of(dev.hop.core.base.HopSettings.GitCredentials.NONE,
        new GitEnvironment(Path.of("/nonexistent"), Map.of("PATH", bin.toString())));
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
