package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  void reportsStageRcPatchBranchesLockAndDatabaseAsTextAndJson() throws Exception {
    project.write("Patches/1-items/01.sql", "CREATE TABLE public.item (id integer PRIMARY KEY);\n");
    project.write("releases/0.1.0-rc1.txt", "1-items\n");
    project.commitAll("[ho] Promote 0.1.0-stage to 0.1.0-rc1");
    project.git("branch", "ho-patch/4-old", "HEAD~1");
    project.write("releases/0.1.0-stage.txt", "2-names\n");
    project.commitAll("[ho] Add 2-names to release 0.1.0-stage");
    project.git("branch", "ho-patch/5-fresh");
    project.git("push", "-q", "origin", "ho-prod", "ho-patch/4-old", "ho-patch/5-fresh");
    project.git("branch", "-q", "-D", "ho-patch/4-old");
    project.git("tag", "-a", "lock-ho-prod", "-m", "[ho] Lock ho-prod for promote\n\nuser: alice\nhost: build-7\n"
        + "goal: promote\nsince: 2026-01-02T10:00:00Z\n");
    project.git("push", "-q", "origin", "lock-ho-prod");
    project.git("tag", "-d", "lock-ho-prod");
    Properties properties = new Properties();
    properties.setProperty("hop.url", dev.hop.core.testing.TestPostgres.get().jdbcUrl("it_status_no_such_db"));
    properties.setProperty("hop.user", dev.hop.core.testing.TestPostgres.get().user());
    properties.setProperty("hop.output", "json");

    MavenRun.Result result = maven.run(project.dir(), properties, "hop:status");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).containsSubsequence(
        "Branch: ho-prod",
        "Production version: 0.0.0",
        "Active RC: 0.1.0-rc1, 1 patch: 1-items",
        "Stage 0.1.0: 1 patch: 2-names",
        "Patch branch ho-patch/4-old (origin only): must merge ho-prod (git merge ho-prod)",
        "Patch branch ho-patch/5-fresh (local, origin): up to date with ho-prod");
    assertThat(result.info()).anyMatch(l -> l.startsWith("Database version: unreachable: ")
        && l.contains("it_status_no_such_db"));
    assertThat(result.info()).anyMatch(l -> l.startsWith("Lock: held by alice on build-7 (promote) since"
        + " 2026-01-02T10:00:00Z"));
    String json = Files.readString(project.dir().resolve("target/hop/status.json"), StandardCharsets.UTF_8).strip();
    assertThat(json).startsWith("{\"format\":1,\"goal\":\"status\",\"outcome\":\"done\",\"branch\":\"ho-prod\","
        + "\"productionVersion\":\"0.0.0\",\"databaseVersion\":\"unreachable: ")
        .contains("\"activeRc\":{\"release\":\"0.1.0-rc1\",\"version\":\"0.1.0\",\"patches\":[\"1-items\"]}")
        .contains("\"stages\":[{\"release\":\"0.1.0-stage\",\"version\":\"0.1.0\",\"patches\":[\"2-names\"]}]")
        .contains("{\"name\":\"ho-patch/4-old\",\"local\":false,\"origin\":true,\"mustMergeHoProd\":true}")
        .contains("{\"name\":\"ho-patch/5-fresh\",\"local\":true,\"origin\":true,\"mustMergeHoProd\":false}")
        .contains("\"lock\":\"alice on build-7 (promote) since 2026-01-02T10:00:00Z, ")
        .endsWith("\"originReached\":true,\"pending\":[\"0.1.0-stage lists 1 patch: 2-names\","
            + "\"0.1.0-rc1 waits for production\"],\"editedReleasedFiles\":[]}");
    assertThat(result.lines()).contains(json);

    properties.setProperty("hop.failIfPending", "true");
    MavenRun.Result gate = maven.run(project.dir(), properties, "hop:status");
    assertThat(gate.exitCode()).as("a CI gate: something waits for a promotion").isEqualTo(1);
    assertThat(gate.log()).contains("Pending: 0.1.0-stage lists 1 patch: 2-names; 0.1.0-rc1 waits for production"
        + " (-Dhop.failIfPending=true). Promote it: mvn hop:promote -Dto=prod");
    assertThat(project.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void aDevelopmentDatabaseReportsItsVersion() throws Exception {
    try (DevelopmentDatabaseFixture database = new DevelopmentDatabaseFixture()) {
      project.git("switch", "-q", "-c", "ho-patch/1-empty");
      assertThat(maven.run(project.dir(), database.properties(), "hop:patch-apply").succeeded()).isTrue();

      MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:status");

      assertThat(result.info()).containsSubsequence("Branch: ho-patch/1-empty", "Production version: 0.0.0",
          "Database version: 0.0.0");
    }
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
