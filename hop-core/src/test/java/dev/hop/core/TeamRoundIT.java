package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchValidationException;
import dev.hop.core.errors.TestRunException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import dev.hop.core.testing.GitSandbox;
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
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's steps through hop-core's commands on a real Git origin and a real PostgreSQL, with a test runner that
 * answers instead of forking Maven: release-new, patch-new, patch-add passing and failing its validation, promote rc
 * and prod, and the upgrade of a production database over the release.
 */
class TeamRoundIT {
  private static final Path MODEL = Path.of("../hop-archetype/src/main/resources/archetype-resources/model");

  @TempDir
  Path dir;

  private GitSandbox sandbox;
  private String prefix;
  private final List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final AnsweringRunner tests = new AnsweringRunner();

  @BeforeEach
  void project() throws Exception {
    sandbox = GitSandbox.create(dir, "ho-prod", "alice");
    git("config", "--global", "gc.auto", "0");
    sandbox.write("alice", ".gitignore", "target/\nbackups/\n.hop/local/\n");
    sandbox.write("alice", "releases/README.md", "# Releases\n");
    sandbox.write("alice", "Patches/README.md", "# Patches\n");
    Path model = Files.createDirectories(sandbox.dir("alice").resolve("model"));
    for (String file : List.of("schema-0.0.0.sql", "metadata-0.0.0.sql")) {
      Files.copy(MODEL.resolve(file), model.resolve(file));
    }
    Files.createSymbolicLink(model.resolve("schema.sql"), Path.of("schema-0.0.0.sql"));
    sandbox.commitAll("alice", "[ho] Initial commit (release: 0.0.0)");
    sandbox.push("alice");
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    prefix = "team_" + HexFormat.of().formatHex(random);
  }

  @AfterEach
  void close() throws SQLException {
    sandbox.close();
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  void aReleaseFromPatchesToProductionWithValidationAnsweredInProcess() throws Exception {
    String production = prefix + "_prod";
    assertThat(hop(production).upgrade().setCreate(true).call().status()).isEqualTo(UpgradeResult.Status.UP_TO_DATE);
    assertThat(hop(development()).releaseNew().setLevel(ReleaseLevel.MINOR).call().version())
        .isEqualTo(Version.parse("0.1.0"));

    startPatch("1-users", "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    tests.passing = true;
    PatchAddResult added = hop(development()).patchAdd().setId("1-users").call();

    assertThat(added.stage().toString()).isEqualTo("0.1.0-stage");
    assertThat(tests.sawUsersTable).as("the runner ran on a database with the patch applied").containsExactly(true);
    assertThat(tests.projects.get(0).endsWith("target/hop/validation-1-users")).isTrue();
    assertThat(originGit("show", "ho-prod:releases/0.1.0-stage.txt")).isEqualTo("1-users");
    assertThat(originGit("branch", "--format=%(refname:short)")).contains("ho-release/0.1.0/1-users")
        .doesNotContain("ho-patch/1-users");

    startPatch("2-orders", "CREATE TABLE public.orders (id serial PRIMARY KEY, user_id int REFERENCES public.users);\n");
    tests.passing = false;
    String originBefore = originGit("for-each-ref");
    assertThatThrownBy(() -> hop(development()).patchAdd().setId("2-orders").call())
        .isInstanceOfSatisfying(PatchValidationException.class,
            e -> assertThat(e.failedTests()).containsExactly("OrdersTest.total: no total column"))
        .hasMessageStartingWith("Tests failed for patch integration: 2-orders into 0.1.0-stage");
    assertThat(originGit("for-each-ref")).as("origin unchanged").isEqualTo(originBefore);
    assertThat(git("status", "--porcelain")).isEmpty();
    assertThat(databases()).as("the validation database is gone; the template of 0.0.0 stays for the next")
        .containsExactly(development() + "__hop_0_0_0", production);

    assertThat(hop(development()).promote().setTo("rc").call().tag()).isEqualTo("v0.1.0-rc1");
    PromoteResult released = hop(development()).promote().setTo("prod").call();
    assertThat(released.tag()).isEqualTo("v0.1.0");
    assertThat(Files.readString(sandbox.dir("alice").resolve("model/schema.sql"))).contains("CREATE TABLE public.users");

    UpgradeResult upgraded = hop(production).upgrade().call();

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
    hop(development()).releaseNew().setLevel(ReleaseLevel.PATCH).call();
    startPatch("1-users", "CREATE TABLE public.users (id int);\n");
    String originBefore = originGit("for-each-ref");
    HopSettings settings = settings(development());

    try (Hop hop = Hop.open(settings, events::add, Clock.systemUTC(), environment())) {
      assertThatThrownBy(() -> hop.patchAdd().setId("1-users").call()).isInstanceOf(TestRunException.class)
          .hasMessageContaining("hop does not know how to start Maven for the project's tests");
    }
    assertThat(originGit("for-each-ref")).isEqualTo(originBefore);
  }

  /** patch-new, then the patch's script committed and pushed on its branch, then back on ho-prod. */
  private void startPatch(String id, String sql) throws HopException {
    hop(development()).patchNew().setId(id).setDescription("Patch " + id).call();
    sandbox.write("alice", "Patches/" + id + "/01_" + id + ".sql", sql);
    git("add", "-A");
    git("commit", "-q", "-m", "Patch " + id);
    git("push", "-q", "origin", "ho-patch/" + id);
    git("switch", "-q", "ho-prod");
  }

  private String development() {
    return prefix + "_dev";
  }

  private Hop hop(String database) {
    return Hop.open(settings(database), events::add, Clock.systemUTC(), environment(), tests);
  }

  private HopSettings settings(String database) {
    TestPostgres server = TestPostgres.get();
    return new HopSettings(sandbox.dir("alice"), Optional.of(server.jdbcUrl(database)), database,
        Optional.of(server.user()), Secret.of(server.password()), "it.hop.db", Optional.empty(),
        HopSettings.GitCredentials.NONE, Optional.empty(), Duration.ofMinutes(1), Duration.ofMinutes(30),
        CommandHints.NEUTRAL, Optional.empty());
  }

  private GitEnvironment environment() {
    return new GitEnvironment(sandbox.config().home(), Map.of());
  }

  private List<String> databases() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix
            + "%' ORDER BY 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static boolean hasUsersTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT to_regclass('public.users') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private String git(String... args) {
    return sandbox.cli().run(sandbox.dir("alice"), args);
  }

  private String originGit(String... args) {
    return sandbox.cli().run(sandbox.originDir(), args);
  }

  /** Answers a test run as told, after checking what it was given: the merged tree and its database. */
  private static final class AnsweringRunner implements TestRunner {
    private volatile boolean passing = true;
    private final List<Path> projects = new ArrayList<>();
    private final List<Boolean> sawUsersTable = new ArrayList<>();

    @Override
    public TestReport run(Path project, TestDatabaseTarget database) throws HopException {
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
