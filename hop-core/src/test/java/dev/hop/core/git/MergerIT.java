package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks --no-ff merges and the abort of conflicting ones. */
class MergerIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void mergesAnOriginOnlyBranchWithAMergeCommit() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-release/1.0.0/1");
    String theirs = git.commit("bob", "Patches/1/01.sql", "select 1;\n");
    git.git("bob", "push", "-q", "origin", "ho-release/1.0.0/1");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    String before = git.git("alice", "rev-parse", "HEAD");

    GitId merge = new Merger(alice, GitFixture.clock()).merge("ho-release/1.0.0/1", "Merge 1 into 1.0.0").orElseThrow();

    assertThat(git.git("alice", "log", "-1", "--format=%s|%P|%an")).isEqualTo("[ho] Merge 1 into 1.0.0|" + before + " "
        + theirs + "|alice");
    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(merge.name());
    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
  }

  @Test
  void conflictIsAbortedAndReported() throws Exception {
    git.git("alice", "switch", "-q", "-c", "ho-patch/2");
    git.commit("alice", "README.md", "patch 2 version\n");
    git.commit("alice", "other.txt", "other\n");
    git.git("alice", "switch", "-q", "ho-prod");
    git.commit("alice", "README.md", "ho-prod version\n");
    String before = git.git("alice", "rev-parse", "HEAD");

    assertThatThrownBy(() -> new Merger(git.workspace("alice"), GitFixture.clock()).merge("ho-patch/2", "Merge 2"))
        .isInstanceOfSatisfying(RepositoryStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MERGE_CONFLICT);
          assertThat(e.paths()).isEqualTo(List.of("README.md"));
        })
        .hasMessageStartingWith("Merge of ho-patch/2 into ho-prod conflicts on README.md; the merge was aborted");

    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(before);
    assertThat(git.cli().exec(git.dir("alice"), "rev-parse", "-q", "--verify", "MERGE_HEAD").exitCode()).isNotZero();
    assertThat(git.root().resolve("alice/other.txt")).doesNotExist();
    assertThat(git.root().resolve("alice/README.md")).hasContent("ho-prod version");
  }

  @Test
  void alreadyMergedGivesNoCommit() throws Exception {
    git.git("alice", "branch", "ho-patch/3");
    assertThat(new Merger(git.workspace("alice"), GitFixture.clock()).merge("ho-patch/3", "Merge 3")).isEmpty();
  }
}
