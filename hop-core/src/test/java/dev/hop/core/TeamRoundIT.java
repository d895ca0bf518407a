package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchValidationException;
import dev.hop.core.errors.TestRunException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestPostgres;
import dev.hop.core.validate.TestDatabaseTarget;
import dev.hop.core.validate.TestReport;
import dev.hop.core.validate.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The team's steps through hop-core's commands on a real Git origin and a real PostgreSQL, with a test runner that
 * answers instead of forking Maven: release-new, patch-new, patch-add passing and failing its validation, promote rc
 * and prod, and the upgrade of a production database over the release.
 */
class TeamRoundIT {
  @RegisterExtension
  final CoreProject project = new CoreProject();
  private final AnsweringRunner tests = new AnsweringRunner();

  @BeforeEach
  void open() throws Exception {
    project.tests(tests);
  }

  @Test
  void aReleaseFromPatchesToProductionWithValidationAnsweredInProcess() throws Exception {
    String production = project.database("prod");
    assertThat(project.call(production, hop -> hop.upgrade().setCreate(true).call()).status())
        .isEqualTo(UpgradeResult.Status.UP_TO_DATE);
    assertThat(project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call()).version())
        .isEqualTo(Version.parse("0.1.0"));

    startPatch("1-users", "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    tests.passing = true;
    PatchAddResult added = project.call(hop -> hop.patchAdd().setId("1-users").call());

    assertThat(added.stage().toString()).isEqualTo("0.1.0-stage");
    assertThat(tests.sawUsersTable).as("the runner ran on a database with the patch applied").containsExactly(true);
    assertThat(tests.projects.get(0).endsWith("target/hop/validation-1-users")).isTrue();
    assertThat(project.originGit("show", "ho-prod:releases/0.1.0-stage.txt")).isEqualTo("1-users");
    assertThat(project.originGit("branch", "--format=%(refname:short)")).contains("ho-release/0.1.0/1-users")
        .doesNotContain("ho-patch/1-users");

    startPatch("2-orders", "CREATE TABLE public.orders (id serial PRIMARY KEY, user_id int REFERENCES public.users);\n");
    tests.passing = false;
    String originBefore = project.originGit("for-each-ref");
    assertThatThrownBy(() -> project.call(hop -> hop.patchAdd().setId("2-orders").call()))
        .isInstanceOfSatisfying(PatchValidationException.class,
            e -> assertThat(e.failedTests()).containsExactly("OrdersTest.total: no total column"))
        .hasMessageStartingWith("Tests failed for patch integration: 2-orders into 0.1.0-stage");
    assertThat(project.originGit("for-each-ref")).as("origin unchanged").isEqualTo(originBefore);
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(project.databases()).as("the validation database is gone; the template of 0.0.0 stays for the next")
        .containsExactly(project.development() + "__hop_0_0_0", production);

    assertThat(project.call(hop -> hop.promote().setTo("rc").call()).tag()).isEqualTo("v0.1.0-rc1");
    assertThat(project.call(hop -> hop.promote().setTo("prod").call()).tag()).isEqualTo("v0.1.0");
    assertThat(Files.readString(project.dir().resolve("model/schema.sql"))).contains("CREATE TABLE public.users");
    assertThat(project.originGit("ls-tree", "ho-prod", "model/schema.sql")).as("a symbolic link").startsWith("120000 ");
    assertThat(project.originGit("show", "ho-prod:model/schema.sql")).isEqualTo("schema-0.1.0.sql");
    assertThat(project.originGit("show", "ho-prod:model/metadata-0.1.0.sql"))
        .contains("INSERT INTO half_orm_meta.hop_release").contains("(0, 1, 0, '', ''").contains("'Patches: 1-users'");
    assertThat(project.originGit("show", "ho-prod:releases/0.1.0.txt")).isEqualTo("1-users");
    assertThat(project.originGit("tag", "-l")).contains("v0.1.0", "v0.1.0-rc1").doesNotContain("lock-ho-prod");
    assertThat(project.databases()).as("the release's scratch database is gone").doesNotContain(
        project.development() + "_release");

    UpgradeResult upgraded = project.call(production, hop -> hop.upgrade().call());

    assertThat(upgraded.status()).isEqualTo(UpgradeResult.Status.UPGRADED);
    assertThat(upgraded.from()).isEqualTo(Version.ZERO);
    assertThat(upgraded.to()).isEqualTo(Version.parse("0.1.0"));
    assertThat(upgraded.backup()).hasValueSatisfying(b -> assertThat(b).exists());
    try (Connection c = TestPostgres.get().connect(production)) {
      assertThat(hasUsersTable(c)).isTrue();
    }
  }

  @Test
  void withoutARunnerOrMavenPatchAddSaysSoBeforeAnyChange() throws Exception {
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.PATCH).call());
    startPatch("1-users", "CREATE TABLE public.users (id int);\n");
    String originBefore = project.originGit("for-each-ref");

    try (Hop hop = Hop.open(project.settings(project.development()), project.events::add, Clock.systemUTC(),
        project.environment())) {
      assertThatThrownBy(() -> hop.patchAdd().setId("1-users").call()).isInstanceOf(TestRunException.class)
          .hasMessageContaining("hop does not know how to start Maven for the project's tests");
    }
    assertThat(project.originGit("for-each-ref")).isEqualTo(originBefore);
  }

  private void startPatch(String id, String sql) throws HopException {
    project.startPatch(id, Map.of("01_" + id + ".sql", sql));
    project.git("switch", "-q", "ho-prod");
  }

  private static boolean hasUsersTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT to_regclass('public.users') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Answers a test run as told, after checking what it was given: the merged tree and its database. */
  private static final class AnsweringRunner implements TestRunner {
    private volatile boolean passing = true;
    private final List<Path> projects = new ArrayList<>();
    private final List<Boolean> sawUsersTable = new ArrayList<>();

    @Override
    public TestReport run(Path project, TestDatabaseTarget database) {
      projects.add(project);
      if (!Files.exists(project.resolve("Patches/1-users/01_1-users.sql"))) {
        throw new IllegalStateException("the validation tree lacks the merged patch 1-users: " + project);
      }
      Properties login = new Properties();
      database.user().ifPresent(user -> login.setProperty("user", user));
      if (database.password().isPresent()) {
        login.setProperty("password", database.password().reveal());
      }
      try (Connection c = DriverManager.getConnection(database.jdbcUrl(), login)) {
        if (passing) {
          sawUsersTable.add(hasUsersTable(c));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return passing ? new TestReport(1, 0, 0, 0, List.of(), 0, Duration.ofMillis(1))
          : new TestReport(1, 1, 0, 0, List.of(new TestReport.FailedTest("OrdersTest.total", "no total column")), 1,
              Duration.ofMillis(1));
    }
  }
}
