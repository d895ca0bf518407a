package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.RepositoryStateException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the clean check against what {@code git status} sees. */
class WorkTreeCheckTest {
  @TempDir
  Path dir;

  private GitFixture git;
  private WorkTreeCheck check;

  @BeforeEach
  void open() throws Exception {
    git = new GitFixture(dir);
    check = new WorkTreeCheck(git.workspace("alice"));
  }

  @AfterEach
  void close() {
    git.close();
  }

  @Test
  void freshCloneIsClean() throws Exception {
    assertThat(check.changes().isClean()).isTrue();
    check.requireClean("start a patch");
    assertThat(git.workspace("alice").currentBranch()).isEqualTo("ho-prod");
  }

  @Test
  void ignoredFilesDoNotCount() throws Exception {
    git.sandbox.write("alice", "target/classes/A.class", "x");

    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(check.changes().isClean()).isTrue();
  }

  @Test
  void modifiedStagedAndUntrackedAreListed() throws Exception {
    git.sandbox.write("alice", "README.md", "changed\n");
    git.sandbox.write("alice", "Patches/1/README.md", "new, staged\n");
    git.git("alice", "add", "Patches/1/README.md");
    git.sandbox.write("alice", "notes.txt", "untracked\n");
    git.sandbox.write("alice", "target/out.txt", "ignored\n");

    WorkTreeCheck.Changes changes = check.changes();

    assertThat(changes.modified()).containsExactly("README.md");
    assertThat(changes.staged()).containsExactly("Patches/1/README.md");
    assertThat(changes.untracked()).containsExactly("notes.txt");
    assertThat(git.git("alice", "status", "--porcelain").lines().map(l -> l.substring(3)).sorted().toList())
        .isEqualTo(changes.all());
    assertThatThrownBy(() -> check.requireClean("start patch 12-users"))
        .isInstanceOfSatisfying(RepositoryStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NOT_CLEAN);
          assertThat(e.paths()).isEqualTo(List.of("Patches/1/README.md", "README.md", "notes.txt"));
        })
        .hasMessageStartingWith("Repository is not clean: cannot start patch 12-users with 3 uncommitted files")
        .hasMessageContaining("modified: README.md; staged: Patches/1/README.md; untracked: notes.txt")
        .hasMessageEndingWith("git stash --include-untracked");
  }

  @Test
  void notARepositoryIsRefusedWithTheFolder() {
    assertThatThrownBy(() -> GitWorkspace.open(dir.resolve("sandbox"), RemoteAccess.localOnly(), e -> { }))
        .isInstanceOf(RepositoryStateException.class).hasMessageContaining("Not a Git repository");
  }
}
