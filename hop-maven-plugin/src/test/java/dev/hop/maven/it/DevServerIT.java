package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with no hop.url, through the real goals: patch-new needs no
 * database, patch-apply starts the project's embedded PostgreSQL (which asks for the password hop generated),
 * {@code mvn test} reaches it through hop:dev-db bound to initialize, hop:db-stop leaves no postgres process of the
 * project; a server killed behind hop's back is started again, two projects get two servers, and with hop.url no
 * embedded server starts at all.
 */
class DevServerIT {
  /** Shared by the runs of this build, so the binaries are unpacked once. */
  private static final Path PG_CACHE = Path.of("target", "it-pg-binaries").toAbsolutePath();
  private static final String ITEMS_SQL = "CREATE TABLE public.item (id integer PRIMARY KEY, name text);\n"
      + "INSERT INTO public.item VALUES (1, 'one');\n";

  @TempDir
  Path root;

  private final List<TeamProject> projects = new ArrayList<>();

  @AfterEach
  void noServerLeft() throws Exception {
    for (TeamProject project : projects) {
      project.killEmbeddedServer();
      assertThat(project.postgresProcesses()).as("postgres processes of " + project.dir()).isEmpty();
    }
  }

  @Test
  void patchApplyAndTestsUseTheEmbeddedServerUntilDbStop() throws Exception {
    TeamProject project = embeddedProject(root, "shop-db");
    MavenRun maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    MavenRun.Result created = maven.run(project.dir(), project.properties("id", "1-items", "description", "Items"),
        "hop:patch-new");
    assertThat(created.succeeded()).as(created.log()).isTrue();
    assertThat(project.dir().resolve(".hop/local")).as("patch-new needs no database").doesNotExist();

    project.write("Patches/1-items/01-items.sql", ITEMS_SQL);
    MavenRun.Result applied = maven.run(project.dir(), project.properties(), "hop:patch-apply");
    assertThat(applied.succeeded()).as(applied.log()).isTrue();
    assertThat(applied.info()).filteredOn(l -> l.startsWith("Development database: ")).singleElement()
        .satisfies(l -> assertThat(l).startsWith("Development database: " + project.database()
            + " on the embedded PostgreSQL 15.19.0 at 127.0.0.1:").contains("mvn hop:db-stop"));
    Properties server = project.embeddedServer();
    String url = project.embeddedUrl(project.database());
    assertThat(query(project, url, "SHOW data_directory")).isEqualTo(project.dir().resolve(".hop/local/pg").toString());
    assertThat(query(project, url, "SELECT name FROM public.item")).isEqualTo("one");

    // only hop (and whoever can read the owner-only password file) gets in
    Path password = project.dir().resolve(".hop/local/password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
    assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
        .isInstanceOf(SQLException.class);
    assertThat(applied.log()).doesNotContain(project.embeddedPassword());

    project.write("src/test/java/it/hop/ItemTest.java", """
        package it.hop;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import java.sql.Connection;
        import java.sql.ResultSet;
        import org.junit.jupiter.api.Test;

        class ItemTest {
          @Test
          void theItemOfThePatchIsThere() throws Exception {
            try (Connection c = ConnectionTest.connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT name FROM public.item WHERE id = 1")) {
              rs.next();
              assertEquals("one", rs.getString(1));
            }
          }
        }
        """);
    MavenRun.Result tested = maven.run(project.dir(), project.properties(), "test");
    assertThat(tested.succeeded()).as(tested.log()).isTrue();
    assertThat(tested.log()).contains("Failures: 0, Errors: 0").doesNotContain("Tests run: 0,")
        .contains("(pid " + server.getProperty("pid") + ", reused)")
        .contains("Development database postgres@127.0.0.1:" + server.getProperty("port") + "/" + project.database()
            + " is there")
        .doesNotContain(project.embeddedPassword());
    assertThat(tested.lines()).noneMatch(l -> l.startsWith("[WARNING]"));

    MavenRun.Result stopped = maven.run(project.dir(), project.properties(), "hop:db-stop");
    assertThat(stopped.succeeded()).as(stopped.log()).isTrue();
    assertThat(stopped.info()).anyMatch(l -> l.startsWith("Stopped the embedded PostgreSQL of this project (pid "
        + server.getProperty("pid") + ","));
    assertThat(project.postgresProcesses()).isEmpty();

    MavenRun.Result again = maven.run(project.dir(), project.properties(), "hop:db-stop");
    assertThat(again.succeeded()).as(again.log()).isTrue();
    assertThat(again.info()).anyMatch(l -> l.startsWith("No embedded PostgreSQL runs for this project"));
  }

  @Test
  void aServerKilledBehindHopsBackIsStartedAgainByPatchApply() throws Exception {
    TeamProject project = embeddedProject(root, "shop-db");
    MavenRun maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    onPatchBranch(project);
    ok(maven.run(project.dir(), project.properties(), "hop:patch-apply"));
    long killed = Long.parseLong(project.embeddedServer().getProperty("pid"));
    ProcessHandle postmaster = ProcessHandle.of(killed).orElseThrow();
    postmaster.destroyForcibly(); // SIGKILL: postmaster.pid and server.properties stay behind
    postmaster.onExit().get(30, TimeUnit.SECONDS);
    assertThat(project.dir().resolve(".hop/local/pg/postmaster.pid")).exists();

    MavenRun.Result applied = maven.run(project.dir(), project.properties(), "hop:patch-apply");
    assertThat(applied.succeeded()).as(applied.log()).isTrue();
    long pid = Long.parseLong(project.embeddedServer().getProperty("pid"));
    assertThat(pid).isNotEqualTo(killed);
    assertThat(applied.info()).anyMatch(l -> l.startsWith("Development database: " + project.database()
        + " on the embedded PostgreSQL 15.19.0 at 127.0.0.1:") && l.contains("(pid " + pid + ", recovered)"));
    assertThat(query(project, project.embeddedUrl(project.database()), "SELECT name FROM public.item"))
        .isEqualTo("one");
  }

  @Test
  void twoProjectsRunTwoServersAndDbStopOfOneLeavesTheOther() throws Exception {
    TeamProject a = embeddedProject(root.resolve("a"), "shop-db");
    TeamProject b = embeddedProject(root.resolve("b"), "shop-db");
    MavenRun mavenA = MavenRun.forThisBuild(root.resolve("a"), a.gitEnvironment());
    MavenRun mavenB = MavenRun.forThisBuild(root.resolve("b"), b.gitEnvironment());
    ok(mavenA.run(a.dir(), a.properties("hop.output", "json"), "hop:dev-db"));
    GoalDocument.assertDone(a.dir(), "dev-db");
    ok(mavenB.run(b.dir(), b.properties(), "hop:dev-db"));

    int portA = Integer.parseInt(a.embeddedServer().getProperty("port"));
    int portB = Integer.parseInt(b.embeddedServer().getProperty("port"));
    assertThat(portA).isNotEqualTo(portB);
    String urlA = a.embeddedUrl(a.database());
    String urlB = b.embeddedUrl(b.database());
    assertThat(query(a, urlA, "SHOW data_directory")).isEqualTo(a.dir().resolve(".hop/local/pg").toString());
    assertThat(query(b, urlB, "SHOW data_directory")).isEqualTo(b.dir().resolve(".hop/local/pg").toString());
    assertThat(a.embeddedPassword()).isNotEqualTo(b.embeddedPassword());
    assertThatThrownBy(() -> DriverManager.getConnection(urlB, "postgres", a.embeddedPassword()).close())
        .as("a's password does not open b's server").isInstanceOf(SQLException.class);

    MavenRun.Result stopped = mavenA.run(a.dir(), a.properties("hop.output", "json"), "hop:db-stop");
    assertThat(stopped.succeeded()).as(stopped.log()).isTrue();
    GoalDocument.assertDone(a.dir(), "db-stop");
    assertThat(a.postgresProcesses()).isEmpty();
    assertThat(b.postgresProcesses()).isNotEmpty();
    assertThat(query(b, urlB, "SELECT current_database()")).isEqualTo(b.database());
    MavenRun.Result tested = mavenB.run(b.dir(), b.properties(), "test");
    assertThat(tested.succeeded()).as(tested.log()).isTrue();
    assertThat(tested.log()).contains("at 127.0.0.1:" + portB + " (pid " + b.embeddedServer().getProperty("pid")
        + ", reused)");
  }

  @Test
  void withHopUrlNoEmbeddedServerStarts() throws Exception {
    TeamProject project = embeddedProject(root, "shop-db");
    MavenRun maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    TestPostgres pg = TestPostgres.get();
    Properties url = new Properties();
    url.setProperty("hop.url", pg.jdbcUrl(project.database()));
    url.setProperty("hop.user", pg.user());
    if (pg.password() != null) {
      url.setProperty("hop.password", pg.password());
    }
    try (DevelopmentDatabaseFixture dropped = DevelopmentDatabaseFixture.named(project.database())) {
      onPatchBranch(project);
      MavenRun.Result applied = maven.run(project.dir(), url, "hop:patch-apply");
      assertThat(applied.succeeded()).as(applied.log()).isTrue();
      assertThat(applied.info()).contains("Development database: " + pg.user() + "@" + pg.host() + ":" + pg.port()
          + "/" + project.database() + " (hop.url)");
      MavenRun.Result tested = maven.run(project.dir(), url, "test");
      assertThat(tested.succeeded()).as(tested.log()).isTrue();
      assertThat(tested.log()).contains("Failures: 0, Errors: 0").doesNotContain("Tests run: 0,");
      assertThat(tested.lines()).as("hop.url reaches the tests once: Surefire does not warn it was overwritten")
          .noneMatch(l -> l.startsWith("[WARNING]"));

      // .hop/local holds the code generation cache, but no server
      assertThat(project.dir().resolve(".hop/local/pg")).doesNotExist();
      assertThat(project.dir().resolve(".hop/local/server.properties")).doesNotExist();
      assertThat(project.postgresProcesses()).isEmpty();
      try (Connection c = pg.connect(project.database()); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM public.item")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("one");
      }
    }
  }

  /** A new project on the embedded server (hop:dev-db bound to initialize), killed at the end of the test. */
  private TeamProject embeddedProject(Path at, String artifactId) throws Exception {
    TeamProject project = TeamProject.create(Files.createDirectories(at), artifactId);
    project.useEmbeddedServer(PG_CACHE);
    projects.add(project);
    return project;
  }

  /** Switches to ho-patch/1-items holding the items patch, as patch-new and the developer leave it. */
  private static void onPatchBranch(TeamProject project) throws Exception {
    project.git("switch", "-q", "-c", "ho-patch/1-items");
    project.write("Patches/1-items/README.md", "# Items\n");
    project.write("Patches/1-items/01-items.sql", ITEMS_SQL);
  }

  private static void ok(MavenRun.Result result) {
    assertThat(result.succeeded()).as(result.log()).isTrue();
  }

  private static String query(TeamProject project, String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", project.embeddedPassword());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
