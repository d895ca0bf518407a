package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:patch-new -Did=…} on a project at 0.0.0 with a bare origin: the success and a refusal as Maven prints
 * them (hop-core's PatchNewCommandIT has every refusal).
 */
class PatchNewIT {

  @TempDir
  Path root;

  private HopProject project;
  private MavenRun maven;

  @BeforeEach
  void project() throws Exception {
    project = HopProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
  }

  @Test
  void reservesCommitsPushesAndSwitchesToThePatchBranch() throws Exception {
    MavenRun.Result result = patchNew("12-users", "User accounts");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(project.gitOrigin("tag", "-l", "ho-patch/*")).isEqualTo("ho-patch/12");
    assertThat(project.gitOrigin("cat-file", "-t", "ho-patch/12")).isEqualTo("tag");
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-prod")).isEqualTo("[ho] Add Patches/12-users");
    assertThat(project.gitOrigin("show", "ho-prod:Patches/12-users/README.md"))
        .isEqualTo("# Patch 12-users\n\nUser accounts");
    assertThat(project.gitOrigin("rev-parse", "ho-patch/12-users")).isEqualTo(project.gitOrigin("rev-parse", "ho-prod"));
    assertThat(project.git("branch", "--show-current")).isEqualTo("ho-patch/12-users");
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(result.info()).anyMatch(l -> l.matches("Reserve patch number 12 \\(push tag ho-patch/12\\) \\(\\d+\\.\\d+ s\\)"))
        .contains("Patch 12-users started on ho-patch/12-users: add its scripts to Patches/12-users/, then run:"
            + " mvn hop:patch-apply");
  }

  @Test
  void refusedWhenNotOnHoProd() throws Exception {
    project.git("switch", "-q", "-c", "feature");

    MavenRun.Result result = patchNew("12-users", "");

    assertRefusedUnchanged(result, "Must be on ho-prod branch: patch-new runs on ho-prod, the current branch is feature");
    assertThat(result.log()).contains("git switch ho-prod && mvn hop:patch-new -Did=12-users");
  }

  private void assertRefusedUnchanged(MavenRun.Result result, String message) {
    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log()).contains(message).doesNotContain("at dev.hop.");
    assertThat(project.gitOrigin("tag", "-l")).isEmpty();
    assertThat(project.gitOrigin("log", "--format=%s", "ho-prod")).isEqualTo("[ho] Initial commit (release: 0.0.0)");
    assertThat(project.gitOrigin("branch", "--list", "ho-patch/*")).isEmpty();
  }

  private MavenRun.Result patchNew(String id, String description) throws Exception {
    Properties p = new Properties();
    p.setProperty("id", id);
    if (!description.isEmpty()) {
      p.setProperty("description", description);
    }
    return maven.run(project.dir(), p, "hop:patch-new");
  }
}
