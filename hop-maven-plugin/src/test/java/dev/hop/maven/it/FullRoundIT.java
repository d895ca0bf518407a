package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole development round, as README tells it, with real Maven, Git and PostgreSQL, on a server named by hop.url:
 * a project ready on ho-prod at 0.0.0, two patches, release-new, two patch-adds (one refused by its failing test),
 * promote rc, promote prod, each goal's JSON document read. The same round on the embedded server is README's
 * quickstart (hop-archetype's EndToEndIT), and the Jenkinsfile's (JenkinsfileIT).
 */
class FullRoundIT {

  @TempDir
  Path root;

  private TeamProject project;

  @Test
  void twoPatchesOneReleaseFromStageToProduction() throws Exception {
    project = TeamProject.create(root, "shop-db");
    MavenRun maven = MavenRun.forThisBuild(root, project.gitEnvironment());

    // 1. a patch: reserve, write its SQL and a test that uses the generated class, apply, test, push
    ok(maven.run(project.dir(), project.properties("id", "1-users", "description", "The users", "hop.output",
        "json"), "hop:patch-new"));
    assertDone("patch-new");
    assertThat(project.git("rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("ho-patch/1-users");
    project.write("Patches/1-users/01_users.sql",
        "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    project.write("src/test/java/it/hop/UsersRoundTripTest.java", """
        package it.hop;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import it.hop.db.public_.Users;
        import java.sql.Connection;
        import org.junit.jupiter.api.Test;

        class UsersRoundTripTest {
          @Test
          void aUserComesBack() throws Exception {
            try (Connection c = ConnectionTest.connect()) {
              c.setAutoCommit(false);
              Users.Row ada = Users.insert(c, new Users.Row(null, "ada"));
              assertEquals("ada", Users.find(c, ada.id()).orElseThrow().name());
              c.rollback();
            }
          }
        }
        """);
    MavenRun.Result applied = maven.run(project.dir(), project.properties("hop.output", "json"), "hop:patch-apply");
    assertDone("patch-apply");
    ok(applied);
    assertThat(project.dir().resolve("src/main/java/it/hop/db/public_/Users.java")).isRegularFile();
    assertThat(tables(project.database())).isEqualTo("users");
    ok(maven.run(project.dir(), project.properties(), "test"));
    commitAndPush(project, "ho-patch/1-users", "Users table");

    // 2. a release, and the patch joins it after validation
    project.git("switch", "-q", "ho-prod");
    ok(maven.run(project.dir(), project.properties("level", "minor", "hop.output", "json"), "hop:release-new"));
    assertDone("release-new");
    assertThat(project.gitOrigin("show", "ho-prod:releases/0.1.0-stage.txt")).isEmpty();
    ok(maven.run(project.dir(), project.properties("id", "1-users", "hop.output", "json"), "hop:patch-add"));
    assertDone("patch-add");
    assertThat(project.gitOrigin("show", "ho-prod:releases/0.1.0-stage.txt")).isEqualTo("1-users");
    assertThat(project.gitOrigin("branch", "--list", "ho-release/0.1.0/1-users")).isNotBlank();

    // 3. a second patch whose test fails is refused by patch-add, and nothing moves
    ok(maven.run(project.dir(), project.properties("id", "2-orders", "hop.output", "json"), "hop:patch-new"));
    assertDone("patch-new");
    project.write("Patches/2-orders/01_orders.sql",
        "CREATE TABLE public.orders (id serial PRIMARY KEY, user_id int REFERENCES public.users);\n");
    project.write("src/test/java/it/hop/OrdersTest.java", """
        package it.hop;

        import static org.junit.jupiter.api.Assertions.fail;

        import org.junit.jupiter.api.Test;

        class OrdersTest {
          @Test
          void ordersHaveATotal() {
            fail("orders has no total column");
          }
        }
        """);
    ok(maven.run(project.dir(), project.properties("hop.output", "json"), "hop:patch-apply"));
    assertDone("patch-apply");
    commitAndPush(project, "ho-patch/2-orders", "Orders table");
    project.git("switch", "-q", "ho-prod");
    String before = project.git("ls-remote", "origin");
    MavenRun.Result refused = maven.run(project.dir(), project.properties("id", "2-orders", "hop.output", "json"),
        "hop:patch-add");
    assertThat(refused.exitCode()).as(refused.log()).isEqualTo(1);
    JsonNode why = GoalDocument.read(project.dir(), "patch-add");
    assertThat(why.path("outcome").asText()).isEqualTo("refused");
    assertThat(why.path("error").path("type").asText()).isEqualTo("PatchValidationException");
    assertThat(why.path("error").path("message").asText()).startsWith("Tests failed for patch integration");
    assertThat(refused.log()).contains("Tests failed for patch integration: 2-orders into 0.1.0-stage")
        .contains("OrdersTest.ordersHaveATotal: orders has no total column");
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);

    // 4. stage → rc1: every patch so far, stage emptied, tag pushed, the open patch branch notified
    MavenRun.Result rc = maven.run(project.dir(), project.properties("to", "rc", "hop.output", "json"), "hop:promote");
    ok(rc);
    assertDone("promote");
    assertThat(rc.info()).contains("Promoted to 0.1.0-rc1 (tag v0.1.0-rc1 pushed with ho-prod)",
        "Release 0.1.0-rc1: 1-users", "Notified ho-patch/2-orders");
    assertThat(project.gitOrigin("show", "ho-prod:releases/0.1.0-rc1.txt")).isEqualTo("1-users");
    assertThat(project.gitOrigin("show", "ho-prod:releases/0.1.0-stage.txt")).isEmpty();
    assertThat(project.gitOrigin("tag", "--list", "v0.1.0-rc1")).isEqualTo("v0.1.0-rc1");
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-patch/2-orders"))
        .isEqualTo("[ho] 0.1.0-rc1 promoted (MERGE REQUIRED)");

    // 5. rc → production: full production file, snapshots, schema.sql repointed, tag
    MavenRun.Result prod = maven.run(project.dir(), project.properties("to", "prod", "hop.output", "json"),
        "hop:promote");
    ok(prod);
    assertDone("promote");
    assertThat(prod.info()).contains("Promoted to 0.1.0 (tag v0.1.0 pushed with ho-prod)", "Release 0.1.0: 1-users");
    assertThat(project.gitOrigin("show", "ho-prod:releases/0.1.0.txt")).isEqualTo("1-users");
    assertThat(project.gitOrigin("ls-tree", "--name-only", "ho-prod", "releases/"))
        .doesNotContain("releases/0.1.0-stage.txt");
    assertThat(project.gitOrigin("show", "ho-prod:model/schema-0.1.0.sql")).contains("CREATE TABLE public.users");
    assertThat(project.gitOrigin("show", "ho-prod:model/metadata-0.1.0.sql")).contains("hop_release");
    assertThat(Files.readSymbolicLink(project.dir().resolve("model/schema.sql")).toString())
        .isEqualTo("schema-0.1.0.sql");
    assertThat(project.gitOrigin("tag", "--list", "v0.1.0")).isEqualTo("v0.1.0");
    assertThat(project.gitOrigin("fsck", "--strict")).isNotNull();
    MavenRun.Result status = maven.run(project.dir(), project.properties("hop.output", "json"), "hop:status");
    assertDone("status");
    ok(status);
    assertThat(status.info()).contains("Production version: 0.1.0");
  }

  private void assertDone(String goal) throws Exception {
    GoalDocument.assertDone(project.dir(), goal);
  }

  private static void ok(MavenRun.Result result) {
    assertThat(result.succeeded()).as(result.log()).isTrue();
  }

  private static void commitAndPush(TeamProject project, String branch, String message) {
    project.git("add", "-A");
    project.git("commit", "-q", "-m", message);
    project.git("push", "-q", "origin", branch);
  }

  /** The user tables of {@code database}, comma separated. */
  private String tables(String database) throws Exception {
    try (Connection c = project.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
            + " WHERE schemaname = 'public'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
