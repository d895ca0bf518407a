package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:release-new -Dlevel=…} on a project at production 0.0.0 with a bare origin: the success and a refusal
 * as Maven prints them (hop-core's ReleaseNewCommandIT has the other cases).
 */
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
