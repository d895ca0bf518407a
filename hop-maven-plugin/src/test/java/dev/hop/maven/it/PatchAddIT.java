package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:patch-add} by an integration manager, run by real Maven with real Git and PostgreSQL. */
class PatchAddIT {

  private static final String USERS_SQL = "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n";

  @TempDir
  java.nio.file.Path root;

  private TeamProject project;
  private MavenRun maven;

  @BeforeEach
  void project() throws Exception {
    project = TeamProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    project.releases("1.0.0-stage.txt", "");
  }

  @Test
  void aPassingPatchJoinsTheStageAndItsBranchIsArchived() throws Exception {
    project.branch("ho-patch/1-users", "1-users", "Patches/1-users/01-users.sql", USERS_SQL);

    MavenRun.Result result = maven.run(project.dir(), project.properties("id", "1-users"), "hop:patch-add");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).anyMatch(l -> l.startsWith("Added 1-users to release 1.0.0-stage (commit "))
        .contains("Branch ho-patch/1-users archived as ho-release/1.0.0/1-users");
    assertThat(result.log()).contains("Validation of 1-users into 1.0.0-stage: Tests run: 2, Failures: 0, Errors: 0");
    assertThat(project.gitOrigin("show", "ho-prod:releases/1.0.0-stage.txt")).isEqualTo("1-users");
    assertThat(project.gitOrigin("log", "-1", "--format=%s", "ho-prod")).isEqualTo("[ho] Add 1-users to release 1.0.0-stage");
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(project.gitOrigin("rev-parse", "ho-prod"));
    String remote = project.git("ls-remote", "origin");
    assertThat(remote).contains("refs/heads/ho-release/1.0.0/1-users")
        .doesNotContain("refs/heads/ho-patch/1-users").doesNotContain("lock-ho-prod");
    assertNothingLeftBehind("1-users");
  }

  @Test
  void aFailingTestRefusesThePatchAndChangesNothing() throws Exception {
    project.branch("ho-patch/2-orders", "2-orders", "Patches/2-orders/01-orders.sql",
        "CREATE TABLE public.orders (id serial PRIMARY KEY);\n",
        "src/test/java/it/hop/OrdersTest.java", """
            package it.hop;

            import static org.junit.jupiter.api.Assertions.fail;

            import org.junit.jupiter.api.Test;

            class OrdersTest {
              @Test
              void ordersNeedACustomer() {
                fail("orders has no customer column");
              }
            }
            """);
    String before = project.git("ls-remote", "origin");

    MavenRun.Result result = maven.run(project.dir(), project.properties("id", "2-orders"), "hop:patch-add");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log())
        .contains("Tests failed for patch integration: 2-orders into 1.0.0-stage (Tests run: 3, Failures: 1,"
            + " Errors: 0, Skipped: 0). Failing: OrdersTest.ordersNeedACustomer: orders has no customer column."
            + " The failing run's reports are kept in target/hop/validation-reports/2-orders/. Nothing was changed:"
            + " ho-prod and origin are as they were.")
        .contains("then run: mvn hop:patch-add -Did=2-orders");
    assertThat(project.dir().resolve("target/hop/validation-reports/2-orders/target/surefire-reports"))
        .isDirectoryContaining(p -> p.getFileName().toString().equals("TEST-it.hop.OrdersTest.xml"));
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);
    assertThat(project.read("releases/1.0.0-stage.txt")).isEmpty();
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertNothingLeftBehind("2-orders");
  }

  @Test
  void twoPatchesThatConflictAreRefusedWithThePaths() throws Exception {
    project.branch("ho-release/1.0.0/1-users", "1-users", "Patches/1-users/01-users.sql", USERS_SQL,
        "src/main/resources/settings.txt", "users=on\n");
    project.releases("1.0.0-stage.txt", "1-users\n");
    project.branch("ho-patch/2-orders", "2-orders", "src/main/resources/settings.txt", "orders=on\n");
    String before = project.git("ls-remote", "origin");

    MavenRun.Result result = maven.run(project.dir(), project.properties("id", "2-orders"), "hop:patch-add");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log()).contains("Patch 2-orders does not merge into release 1.0.0-stage: merging"
        + " ho-patch/2-orders into temp-valid-1.0.0 conflicts on src/main/resources/settings.txt. Nothing was changed");
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertNothingLeftBehind("2-orders");
  }

  @Test
  void aHeldLockRefusesAtOnceNamingItsHolder() throws Exception {
    project.branch("ho-patch/1-users", "1-users", "Patches/1-users/01-users.sql", USERS_SQL);
    project.git("-c", "user.name=alice", "tag", "-a", "lock-ho-prod", "-m", "[ho] Lock ho-prod for promote\n\n"
        + "user: alice\nhost: build-7\ngoal: promote\nsince: " + Instant.now() + "\n");
    project.git("push", "-q", "origin", "lock-ho-prod");
    project.git("tag", "-d", "lock-ho-prod");
    String before = project.git("ls-remote", "origin");

    MavenRun.Result result = maven.run(project.dir(), project.properties("id", "1-users"), "hop:patch-add");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log()).contains("ho-prod is locked by alice on build-7 (promote) since")
        .doesNotContain("[tests]");
    assertThat(project.git("ls-remote", "origin")).isEqualTo(before);
    assertThat(project.git("branch", "--list", "temp-valid-*")).isEmpty();
    assertThat(Files.exists(project.dir().resolve("target/hop/validation-1-users"))).isFalse();
  }

  private void assertNothingLeftBehind(String id) throws Exception {
    assertThat(project.git("branch", "--list", "temp-valid-*")).isEmpty();
    assertThat(Files.exists(project.dir().resolve("target/hop/validation-" + id))).isFalse();
    assertThat(TeamProject.databaseExists(project.database() + "_validation")).isFalse();
    assertThat(project.git("tag", "--list", "lock-ho-prod")).isEmpty();
  }
}
