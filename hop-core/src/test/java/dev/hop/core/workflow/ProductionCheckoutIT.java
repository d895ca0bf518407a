package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.RemoteAccess;
import dev.hop.core.testing.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks when a production checkout must be clean: always for {@code sync}, only to pull for the other way. */
class ProductionCheckoutIT {
  @TempDir
  Path dir;

  private GitSandbox sandbox;
  private GitWorkspace alice;

  @BeforeEach
  void open() throws Exception {
    sandbox = GitSandbox.create(dir);
    sandbox.cli().run(dir, "config", "--global", "gc.auto", "0");
    sandbox.write("alice", "releases/0.1.0.txt", "1-users\n");
    sandbox.commitAll("alice", "[ho] Release 0.1.0");
    sandbox.push("alice");
    sandbox.cli().run(sandbox.dir("bob"), "pull", "-q", "origin", "ho-prod");
    alice = GitWorkspace.open(sandbox.dir("alice"), RemoteAccess.localOnly(), e -> { });
  }

  @AfterEach
  void close() {
    alice.close();
    sandbox.close();
  }

  @Test
  void inSyncWithOriginADirtyTreeIsLeftToTheCaller() throws Exception {
    sandbox.write("alice", "notes.txt", "untracked\n");
    sandbox.write("alice", "releases/0.1.0.txt", "1-users\n2-orders\n");

    assertThat(fetchThenPull(alice)).isFalse();
  }

  @Test
  void releaseFilesMustBeHoProdsWhateverElseTheTreeHolds() throws Exception {
    sandbox.write("alice", "notes.txt", "untracked\n");
    sandbox.write("alice", "Patches/1-users/README.md", "# edited\n");
    ProductionCheckout.requireCommittedReleases(alice, "update");

    sandbox.write("alice", "releases/0.1.0.txt", "1-users\n2-orders\n");
    assertThatThrownBy(() -> ProductionCheckout.requireCommittedReleases(alice, "update"))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NOT_CLEAN))
        .hasMessageStartingWith("Repository is not clean: cannot update with 3 uncommitted files")
        .hasMessageContaining("releases/0.1.0.txt");
  }

  @Test
  void releaseFilesAreComparedTheSameThroughGitAsWithoutIt() throws Exception {
    try (GitWorkspace throughGit = GitWorkspace.open(sandbox.dir("alice"), RemoteAccess.of(
        dev.hop.core.base.HopSettings.GitCredentials.NONE, new GitEnvironment(Path.of("/nonexistent"),
            Map.of("PATH", System.getenv().getOrDefault("PATH", "")))), e -> { })) {
      for (GitWorkspace workspace : List.of(alice, throughGit)) {
        sandbox.write("alice", "releases/NOTES.md", "not a release file\n");
        sandbox.write("alice", "releases/old/0.0.1.txt", "not directly in releases/\n");
        ProductionCheckout.requireCommittedReleases(workspace, "upgrade");

        sandbox.write("alice", "releases/0.2.0-stage.txt", "2-orders\n");
        assertThatThrownBy(() -> ProductionCheckout.requireCommittedReleases(workspace, "upgrade"))
            .hasMessageContaining("untracked: releases/0.2.0-stage.txt");
        Files.delete(sandbox.dir("alice").resolve("releases/0.2.0-stage.txt"));

        Files.delete(sandbox.dir("alice").resolve("releases/0.1.0.txt"));
        assertThatThrownBy(() -> ProductionCheckout.requireCommittedReleases(workspace, "upgrade"))
            .hasMessageContaining("modified: releases/0.1.0.txt");
        sandbox.cli().run(sandbox.dir("alice"), "checkout", "-q", "--", "releases/0.1.0.txt");
      }
    }
  }

  @Test
  void behindOriginADirtyTreeIsRefusedBeforeThePull() throws Exception {
    sandbox.write("bob", "releases/0.2.0.txt", "2-orders\n");
    sandbox.commitAll("bob", "[ho] Release 0.2.0");
    sandbox.push("bob");
    String before = sandbox.cli().run(sandbox.dir("alice"), "rev-parse", "HEAD");
    sandbox.write("alice", "notes.txt", "untracked\n");

    assertThatThrownBy(() -> fetchThenPull(alice))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NOT_CLEAN))
        .hasMessageStartingWith("Repository is not clean: cannot upgrade with 1 uncommitted file");
    assertThat(sandbox.cli().run(sandbox.dir("alice"), "rev-parse", "HEAD")).isEqualTo(before);

    sandbox.cli().run(sandbox.dir("alice"), "clean", "-fdq");
    assertThat(fetchThenPull(alice)).isTrue();
    assertThat(sandbox.dir("alice").resolve("releases/0.2.0.txt")).exists();
  }

  @Test
  void offHoProdIsRefusedFirst() {
    sandbox.cli().run(sandbox.dir("alice"), "switch", "-q", "-c", "ho-patch/1-users");

    assertThatThrownBy(() -> fetchThenPull(alice))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Must be on ho-prod branch: hop:upgrade works on the production branch");
  }

  /** What upgrade does: fetch (on the repository's thread), then pull when needed. */
  private static boolean fetchThenPull(GitWorkspace git) throws HopException {
    ProductionCheckout.fetchOnHoProd(git, "upgrade", OriginSync.Scope.PRODUCTION);
    return ProductionCheckout.pullCheckingTreeOnlyToPull(git, "upgrade");
  }
}
