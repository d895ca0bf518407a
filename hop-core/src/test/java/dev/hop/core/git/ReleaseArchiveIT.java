package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that archiving renames ho-patch/id to ho-release/X.Y.Z/id locally and on origin. */
class ReleaseArchiveIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void archivesALocalBranch() throws Exception {
    String tip = pushedPatchBranch("12-users");
    new OriginSync(git.workspace("alice")).fetch();

    new ReleaseArchive(git.workspace("alice")).archive(PatchId.of("12-users"), Version.parse("1.4.0"));

    assertThat(git.git("alice", "branch", "-a", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("ho-prod", "ho-release/1.4.0/12-users", "origin/ho-prod",
            "origin/ho-release/1.4.0/12-users");
    assertThat(git.originGit("branch", "--format=%(refname:short) %(objectname)").lines())
        .containsExactlyInAnyOrder("ho-prod " + git.originGit("rev-parse", "ho-prod"),
            "ho-release/1.4.0/12-users " + tip);
  }

  @Test
  void archivesABranchThatOnlyOriginHas() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-patch/7");
    String tip = git.commit("bob", "Patches/7/01.sql", "select 1;\n");
    git.git("bob", "push", "-q", "origin", "ho-patch/7");
    new OriginSync(git.workspace("alice")).fetch();
    assertThat(git.git("alice", "branch", "--list", "ho-patch/*")).isEmpty();

    new ReleaseArchive(git.workspace("alice")).archive(PatchId.of("7"), Version.parse("0.1.0"));

    assertThat(git.git("alice", "branch", "-a", "--format=%(refname:short)").lines())
        .containsExactlyInAnyOrder("ho-prod", "ho-release/0.1.0/7", "origin/ho-prod", "origin/ho-release/0.1.0/7");
    assertThat(git.originGit("rev-parse", "refs/heads/ho-release/0.1.0/7")).isEqualTo(tip);
    assertThat(git.originGit("branch", "--list", "ho-patch/*")).isEmpty();
  }

  @Test
  void archivesInTheSameAtomicPushAsHoProd() throws Exception {
    String tip = pushedPatchBranch("3");
    String stage = git.commit("alice", "releases/0.1.0-stage.txt", "3\n");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();

    new ReleaseArchive(alice).archive(PatchId.of("3"), Version.parse("0.1.0"), List.of("ho-prod"),
        new Pusher(alice)::pushAtomic);

    assertThat(git.originGit("branch", "--format=%(refname:short) %(objectname)").lines())
        .containsExactlyInAnyOrder("ho-prod " + stage, "ho-release/0.1.0/3 " + tip);
    assertThat(git.git("alice", "rev-parse", "origin/ho-prod", "ho-release/0.1.0/3")).isEqualTo(stage + "\n" + tip);
    assertThat(git.git("alice", "config", "branch.ho-prod.merge")).isEqualTo("refs/heads/ho-prod");
  }

  @Test
  void originTakesNeitherWhenItRefusesHoProd() throws Exception {
    pushedPatchBranch("4");
    git.commit("alice", "releases/0.1.0-stage.txt", "4\n");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    git.commit("bob", "README.md", "bob was first\n");
    git.git("bob", "push", "-q", "origin", "ho-prod");
    String originBefore = git.originGit("for-each-ref");

    assertThatThrownBy(() -> new ReleaseArchive(alice).archive(PatchId.of("4"), Version.parse("0.1.0"),
        List.of("ho-prod"), new Pusher(alice)::pushAtomic)).isInstanceOf(HopException.class);

    assertThat(git.originGit("for-each-ref")).isEqualTo(originBefore);
    assertThat(git.git("alice", "branch", "--list", "ho-patch/4")).as("kept locally").contains("ho-patch/4");
  }

  @Test
  void missingBranchIsRefused() {
    assertThatThrownBy(() -> new ReleaseArchive(git.workspace("alice")).archive(PatchId.of("9"), Version.parse("1.0.0")))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MISSING_REF))
        .hasMessageStartingWith("Branch ho-patch/9 exists neither locally nor on origin");
  }

  /** Alice's ho-patch/{@code id} with one script, pushed; she is back on ho-prod. Returns its tip. */
  private String pushedPatchBranch(String id) {
    git.git("alice", "switch", "-q", "-c", "ho-patch/" + id);
    String tip = git.commit("alice", "Patches/" + id + "/01.sql", "select '" + id + "';\n");
    git.git("alice", "push", "-q", "origin", "ho-patch/" + id);
    git.git("alice", "switch", "-q", "ho-prod");
    return tip;
  }
}
