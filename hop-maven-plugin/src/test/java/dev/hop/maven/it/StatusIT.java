package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:status} on a project laid out as the archetype leaves it, run by real Maven. */
class StatusIT {

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
  void aNewProjectIsAtZeroWithNothingPending() throws Exception {
    MavenRun.Result result = maven.run(project.dir(), new Properties(), "hop:status");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).containsSubsequence(
        "Production version: 0.0.0", "Active RC: none", "Stages: none");
    assertThat(project.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void aMalformedReleaseFileIsAUserErrorNamingFileAndLine() throws Exception {
    project.write("releases/1.0.0-stage.txt", "1-first\nNot An Id\n");

    MavenRun.Result result = maven.run(project.dir(), new Properties(), "hop:status");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log())
        .contains("1.0.0-stage.txt")
        .contains("line 2")
        .doesNotContain("at dev.hop.");
  }
}
