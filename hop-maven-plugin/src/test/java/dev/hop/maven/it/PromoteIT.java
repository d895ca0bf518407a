package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:promote -Dto=rc|prod} by an integration manager, run by real Maven with real Git and PostgreSQL. */
class PromoteIT {

  @TempDir
  Path root;

  private TeamProject project;
  private MavenRun maven;

  @BeforeEach
  void project() throws Exception {
    project = TeamProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
  }

  @Test
  void theStageBecomesRc1ThenTheRcGoesToProduction() throws Exception {
    project.branch("ho-release/1.0.0/1-users", "1-users", "Patches/1-users/01-users.sql",
        "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    project.branch("ho-release/1.0.0/2-orders", "2-orders", "Patches/2-orders/01-orders.sql",
        "CREATE TABLE public.orders (id serial PRIMARY KEY, total numeric NOT NULL);\n");
    project.branch("ho-patch/3-open", "3-open");
    project.releases("1.0.0-stage.txt", "1-users\n2-orders\n");

    MavenRun.Result rc = maven.run(project.dir(), project.properties("to", "rc"), "hop:promote");

    assertThat(rc.succeeded()).as(rc.log()).isTrue();
    assertThat(rc.info()).contains("Promoted to 1.0.0-rc1 (tag v1.0.0-rc1 pushed with ho-prod)",
        "Release 1.0.0-rc1: 1-users, 2-orders", "Notified ho-patch/3-open");
    assertThat(project.gitOrigin("show", "ho-prod:releases/1.0.0-rc1.txt")).isEqualTo("1-users\n2-orders");
    assertThat(project.gitOrigin("show", "ho-prod:releases/1.0.0-stage.txt")).isEmpty();
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-prod"))
        .isEqualTo("[ho] Promote 1.0.0-stage to 1.0.0-rc1");
    assertThat(project.gitOrigin("ls-tree", "--name-only", "ho-prod", "Patches/"))
        .contains("Patches/1-users", "Patches/2-orders");
    assertThat(project.gitOrigin("cat-file", "-t", "v1.0.0-rc1")).isEqualTo("tag");
    assertThat(project.gitOrigin("rev-parse", "v1.0.0-rc1^{commit}")).isEqualTo(project.gitOrigin("rev-parse", "ho-prod"));
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-patch/3-open"))
        .isEqualTo("[ho] 1.0.0-rc1 promoted (MERGE REQUIRED)");
    assertThat(project.git("status", "--porcelain")).isEmpty();

    MavenRun.Result prod = maven.run(project.dir(), project.properties("to", "prod"), "hop:promote");

    assertThat(prod.succeeded()).as(prod.log()).isTrue();
    assertThat(prod.info()).contains("Promoted to 1.0.0 (tag v1.0.0 pushed with ho-prod)",
        "Release 1.0.0: 1-users, 2-orders");
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-prod")).isEqualTo("[ho] Release 1.0.0");
    assertThat(project.gitOrigin("show", "ho-prod:releases/1.0.0.txt")).isEqualTo("1-users\n2-orders");
    assertThat(project.gitOrigin("ls-tree", "--name-only", "ho-prod", "releases/"))
        .doesNotContain("releases/1.0.0-stage.txt").contains("releases/1.0.0-rc1.txt");
    assertThat(project.gitOrigin("cat-file", "-t", "v1.0.0")).isEqualTo("tag");
    assertThat(project.gitOrigin("ls-tree", "ho-prod", "model/schema.sql")).startsWith("120000 ");
    assertThat(project.gitOrigin("show", "ho-prod:model/schema.sql")).isEqualTo("schema-1.0.0.sql");
    assertThat(Files.readSymbolicLink(project.dir().resolve("model/schema.sql"))).isEqualTo(Path.of("schema-1.0.0.sql"));
    assertThat(project.read("model/schema-1.0.0.sql"))
        .contains("CREATE TABLE public.users").contains("CREATE TABLE public.orders");
    assertThat(project.read("model/metadata-1.0.0.sql"))
        .contains("INSERT INTO half_orm_meta.hop_release").contains("(1, 0, 0, '', ''");
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-patch/3-open"))
        .isEqualTo("[ho] 1.0.0 promoted (MERGE REQUIRED)");
    assertThat(TeamProject.databaseExists(project.database() + "_release")).isFalse();
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(project.git("ls-remote", "origin")).doesNotContain("lock-ho-prod");
    assertThat(project.read("model/metadata-1.0.0.sql")).contains("'Patches: 1-users, 2-orders'");
  }

  @Test
  void aSecondVersionsRcIsRefusedWhileTheFirstRcIsActive() throws Exception {
    project.releases("1.0.0-rc1.txt", "1-users\n", "1.1.0-stage.txt", "2-orders\n");
    String before = project.git("ls-remote", "origin");

    MavenRun.Result result = maven.run(project.dir(), project.properties("to", "rc"), "hop:promote");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log()).contains("Active RC exists: 1.0.0-rc1 is not in production yet, so 1.1.0-stage cannot"
        + " become an RC. Release it first. Run: mvn hop:promote -Dto=prod");
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);
  }

  @Test
  void productionIsRefusedWhileTheStageListsPatches() throws Exception {
    project.releases("1.0.0-rc1.txt", "1-users\n", "1.0.0-stage.txt", "2-orders\n");
    String before = project.git("ls-remote", "origin");

    MavenRun.Result result = maven.run(project.dir(), project.properties("to", "prod"), "hop:promote");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log()).contains("Stage release 1.0.0-stage lists patches that are in no RC yet (2-orders):"
        + " 1.0.0-rc1 cannot go to production without them. Promote them to an RC first. Run: mvn hop:promote -Dto=rc");
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);
  }
}
