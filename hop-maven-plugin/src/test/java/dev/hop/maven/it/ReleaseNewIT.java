package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:release-new -Dlevel=…} on a project at production 0.0.0 with a bare origin. */
class ReleaseNewIT {

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
  void patchLevelCreatesCommitsAndPushesTheEmptyStageFile() throws Exception {
    MavenRun.Result result = releaseNew("patch");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    Path stage = project.dir().resolve("releases/0.0.1-stage.txt");
    assertThat(stage).exists();
    assertThat(Files.size(stage)).isZero();
    assertThat(project.git("log", "-1", "--format=%s")).isEqualTo("[ho] Prepare release 0.0.1-stage");
    assertThat(project.gitOrigin("rev-parse", "ho-prod")).isEqualTo(project.git("rev-parse", "ho-prod"));
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(result.info()).anyMatch(l -> l.matches("Push ho-prod to origin \\(\\d+\\.\\d+ s\\)"));
  }

  @Test
  void minorAndMajorBumpProductionIndependently() throws Exception {
    assertThat(releaseNew("minor").succeeded()).isTrue();
    MavenRun.Result major = releaseNew("major");

    assertThat(major.succeeded()).as(major.log()).isTrue();
    assertThat(project.gitOrigin("ls-tree", "--name-only", "ho-prod", "releases/"))
        .contains("releases/0.1.0-stage.txt", "releases/1.0.0-stage.txt");
  }

  @Test
  void theSameLevelTwiceIsRefusedAndChangesNothing() throws Exception {
    assertThat(releaseNew("patch").succeeded()).isTrue();
    String before = project.gitOrigin("rev-parse", "ho-prod");

    MavenRun.Result again = releaseNew("patch");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.log()).contains("Release 0.0.1 already exists (0.0.1-stage.txt)")
        .contains("mvn hop:patch-add -Did=<id> -DtoVersion=0.0.1").doesNotContain("at dev.hop.");
    assertThat(project.gitOrigin("rev-parse", "ho-prod")).isEqualTo(before);
    assertThat(project.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void behindOriginIsPulledFirst() throws Exception {
    Path other = project.cloneAs("alice");
    project.git(other, "commit", "-q", "--allow-empty", "-m", "work of alice");
    project.git(other, "push", "-q", "origin", "ho-prod");

    MavenRun.Result result = releaseNew("patch");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(project.git("log", "-2", "--format=%s")).isEqualTo("[ho] Prepare release 0.0.1-stage\nwork of alice");
  }

  @Test
  void notOnHoProdIsRefusedWithHalfOrmDevWording() throws Exception {
    project.git("switch", "-q", "-c", "feature");

    MavenRun.Result result = releaseNew("minor");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log()).contains("Must be on ho-prod branch: release-new runs on ho-prod, the current branch is"
        + " feature").contains("git switch ho-prod && mvn hop:release-new -Dlevel=minor");
    assertThat(project.dir().resolve("releases/0.1.0-stage.txt")).doesNotExist();
  }

  private MavenRun.Result releaseNew(String level) throws Exception {
    Properties p = new Properties();
    p.setProperty("level", level);
    return maven.run(project.dir(), p, "hop:release-new");
  }
}
