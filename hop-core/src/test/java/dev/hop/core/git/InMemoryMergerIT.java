package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that merging in memory gives the --no-ff merges git would, and writes nothing but objects. */
class InMemoryMergerIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void mergesEachBranchInTurnWithAMergeCommitLeavingTheBranchAndFilesAsTheyWere() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-release/1.0.0/1");
    String one = git.commit("bob", "Patches/1/01.sql", "select 1;\n");
    git.git("bob", "push", "-q", "origin", "ho-release/1.0.0/1");
    git.git("alice", "switch", "-q", "-c", "ho-patch/2");
    String two = git.commit("alice", "Patches/2/01.sql", "select 2;\n");
    git.git("alice", "switch", "-q", "ho-prod");
    git.git("alice", "branch", "ho-patch/3");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    String before = git.git("alice", "rev-parse", "HEAD");

    GitId tip = new InMemoryMerger(alice, GitFixture.clock()).merge(
        List.of("ho-release/1.0.0/1", "ho-patch/2", "ho-patch/3"), source -> "Merge " + source + " into 1.0.0");

    String first = git.git("alice", "rev-parse", tip.name() + "^1");
    assertThat(git.git("alice", "log", "-1", "--format=%s|%P|%an", tip.name())).isEqualTo(
        "[ho] Merge ho-patch/2 into 1.0.0|" + first + " " + two + "|alice");
    assertThat(git.git("alice", "log", "-1", "--format=%s|%P", first)).isEqualTo(
        "[ho] Merge ho-release/1.0.0/1 into 1.0.0|" + before + " " + one);
    assertThat(git.git("alice", "show", tip.name() + ":Patches/1/01.sql")).isEqualTo("select 1;");
    assertThat(git.git("alice", "show", tip.name() + ":Patches/2/01.sql")).isEqualTo("select 2;");
    assertThat(git.git("alice", "rev-parse", "HEAD")).as("the branch not moved").isEqualTo(before);
    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(git.root().resolve("alice/Patches/1/01.sql")).as("no file written").doesNotExist();
    git.git("alice", "branch", "merged", tip.name());
    assertThat(git.cli().exec(git.dir("alice"), "fsck", "--no-dangling").exitCode()).isZero();
  }

  @Test
  void aConflictChangesNothingAndNamesTheBranchAndPaths() throws Exception {
    git.git("alice", "switch", "-q", "-c", "ho-patch/1");
    git.commit("alice", "notes.txt", "patch 1\n");
    git.git("alice", "switch", "-q", "-c", "ho-patch/2", "ho-prod");
    git.commit("alice", "README.md", "patch 2 version\n");
    git.git("alice", "switch", "-q", "ho-prod");
    git.commit("alice", "README.md", "ho-prod version\n");
    String before = git.git("alice", "rev-parse", "HEAD");

    assertThatThrownBy(() -> new InMemoryMerger(git.workspace("alice"), GitFixture.clock())
        .merge(List.of("ho-patch/1", "ho-patch/2"), source -> "Merge " + source))
        .isInstanceOfSatisfying(RepositoryStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MERGE_CONFLICT);
          assertThat(e.ref()).isEqualTo("ho-patch/2");
          assertThat(e.paths()).isEqualTo(List.of("README.md"));
        })
        .hasMessage("Merge of ho-patch/2 into ho-prod conflicts on README.md; nothing was changed");

    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(before);
    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(git.root().resolve("alice/notes.txt")).as("the first, clean merge not written").doesNotExist();
  }
}
