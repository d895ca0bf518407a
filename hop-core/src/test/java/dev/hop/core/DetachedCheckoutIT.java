package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.release.ReleaseLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A checkout as CI makes it: HEAD detached at the commit of the branch the job builds, no local branch. hop works
 * as on that branch, found from the CI's variables, and commits on it.
 */
class DetachedCheckoutIT {
  @RegisterExtension
  final CoreProject project = new CoreProject();

  @ParameterizedTest
  @CsvSource({"BRANCH_NAME, ho-prod", "GIT_BRANCH, origin/ho-prod", "GITHUB_REF_NAME, ho-prod",
      "CI_COMMIT_REF_NAME, ho-prod"})
  void statusReportsTheBranchThePatchBranchesAndOrigin(String variable, String value) throws Exception {
    project.startPatch("1-users", Map.of("01.sql", "CREATE TABLE users (id int);\n"));
    ciCheckout("ho-prod");
    project.variable(variable, value);

    StatusResult status = project.call(hop -> hop.status().call());

    assertThat(status.branch()).isEqualTo("ho-prod");
    assertThat(status.originReached()).isTrue();
    assertThat(status.patchBranches()).extracting(StatusResult.PatchBranch::name).containsExactly("ho-patch/1-users");
  }

  @Test
  void aGoalThatCommitsCommitsOnTheBranchNeverOnTheDetachedHead() throws Exception {
    ciCheckout("ho-prod");
    project.variable("BRANCH_NAME", "ho-prod");

    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());

    assertThat(project.git("symbolic-ref", "HEAD")).isEqualTo("refs/heads/ho-prod");
    assertThat(project.originGit("show", "ho-prod:releases/0.1.0-stage.txt")).isEmpty();
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(project.originGit("rev-parse", "ho-prod"));
  }

  @Test
  void aPatchBranchBuiltDetachedIsAppliedAsItsBranch() throws Exception {
    project.startPatch("1-users", Map.of("01.sql", "CREATE TABLE users (id int);\n"));
    ciCheckout("ho-patch/1-users");
    project.variable("GITHUB_HEAD_REF", "ho-patch/1-users");

    PatchApplyResult applied = project.call(hop -> hop.patchApply().call());

    assertThat(applied.patch().value()).isEqualTo("1-users");
  }

  @Test
  void hopBranchNamesTheBranchWhenNoVariableDoes() throws Exception {
    ciCheckout("ho-prod");

    assertThatThrownBy(() -> project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.PATCH).call()))
        .isInstanceOf(RepositoryStateException.class).hasMessageContaining("HEAD is detached at ")
        .hasMessageContaining("-Dhop.branch=<branch> (hop also reads BRANCH_NAME, GITHUB_HEAD_REF");
    project.variable("BRANCH_NAME", "somewhere-else");
    try (Hop hop = Hop.open(withBranch("ho-prod"), project.events::add, java.time.Clock.systemUTC(),
        project.environment())) {
      assertThat(hop.releaseNew().setLevel(ReleaseLevel.PATCH).call().version().toString()).isEqualTo("0.0.1");
    }
  }

  @Test
  void aCheckoutOfAnotherCommitIsRefusedNamingTheBranchAndTheCommitExpected() throws Exception {
    String first = project.git("rev-parse", "HEAD");
    project.sandbox.write("alice", "notes.md", "later\n");
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "later");
    project.git("push", "-q", "origin", "ho-prod");
    String later = project.git("rev-parse", "HEAD");
    project.git("checkout", "-q", "--detach", first);
    project.git("branch", "-q", "-D", "ho-prod");
    project.variable("BRANCH_NAME", "ho-prod");

    assertThatThrownBy(() -> project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.PATCH).call()))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageContaining("BRANCH_NAME names ho-prod, but HEAD (" + first.substring(0, 7) + ") is not origin's"
            + " ho-prod (" + later.substring(0, 7) + ")");
    assertThat(project.git("rev-parse", "HEAD")).isEqualTo(first);
  }

  /** HEAD detached at origin's {@code branch}, no local branches: the checkout Jenkins and GitHub Actions make. */
  private void ciCheckout(String branch) {
    project.git("fetch", "-q", "origin");
    project.git("checkout", "-q", "--detach", "origin/" + branch);
    for (String local : project.git("for-each-ref", "--format=%(refname:short)", "refs/heads").split("\n")) {
      if (!local.isBlank()) {
        project.git("branch", "-q", "-D", local);
      }
    }
  }

  private dev.hop.core.base.HopSettings withBranch(String branch) {
    dev.hop.core.base.HopSettings s = project.settings(project.development());
    return new dev.hop.core.base.HopSettings(s.projectDir(), s.jdbcUrl(), s.database(), s.user(), s.password(),
        s.basePackage(), s.pgBin(), s.git(), s.maven(), s.testTimeout(), s.lockTimeout(), s.hints(), s.embedded(),
        java.util.Optional.of(branch));
  }
}
