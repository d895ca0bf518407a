package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks creating, pushing, switching to and deleting branches, locally and on origin. */
class BranchesIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();
  private Branches branches;

  @BeforeEach
  void open() throws Exception {
    branches = new Branches(git.workspace("alice"));
  }


  @Test
  void createPushSwitchAndDeleteEverywhere() throws Exception {
    GitId prod = branches.tip("ho-prod");
    branches.create("ho-patch/12-users", prod);
    branches.push("ho-patch/12-users");
    branches.switchTo("ho-patch/12-users");

    assertThat(git.git("alice", "symbolic-ref", "--short", "HEAD")).isEqualTo("ho-patch/12-users");
    assertThat(git.git("alice", "rev-parse", "--abbrev-ref", "@{upstream}")).isEqualTo("origin/ho-patch/12-users");
    assertThat(git.originGit("rev-parse", "refs/heads/ho-patch/12-users")).isEqualTo(prod.name());
    assertThatThrownBy(() -> branches.deleteLocally("ho-patch/12-users"))
        .isInstanceOf(RepositoryStateException.class).hasMessageContaining("it is checked out");

    branches.switchTo("ho-prod");
    branches.deleteLocally("ho-patch/12-users");
    git.git("alice", "push", "-q", "origin", "--delete", "ho-patch/12-users");

    assertThat(git.git("alice", "branch", "-a", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("ho-prod", "origin/ho-prod");
    assertThat(git.originGit("branch", "--format=%(refname:short)")).isEqualTo("ho-prod");
  }

  @Test
  void switchingToAnOriginOnlyBranchCreatesItLocally() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-patch/5");
    String tip = git.commit("bob", "x.txt", "x\n");
    git.git("bob", "push", "-q", "origin", "ho-patch/5");
    new OriginSync(git.workspace("alice")).fetch();

    branches.switchTo("ho-patch/5");

    assertThat(git.git("alice", "rev-parse", "HEAD")).isEqualTo(tip);
    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
  }

  @Test
  void existingBranchIsRefused() throws Exception {
    GitId prod = branches.tip("ho-prod");
    assertThatThrownBy(() -> branches.create("ho-prod", prod)).isInstanceOfSatisfying(RepositoryStateException.class,
        e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.REF_EXISTS))
        .hasMessage("Branch ho-prod already exists. Delete it first if it is stale: git branch -D ho-prod");
  }
}
