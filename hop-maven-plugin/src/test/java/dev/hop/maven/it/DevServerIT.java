package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with no hop.url (SPEC §2, "The development server"): patch-new needs no database, patch-apply starts
 * the project's embedded PostgreSQL, {@code mvn test} reaches it through hop:dev-db bound to initialize, and
 * hop:db-stop leaves no postgres process of the project.
 */
class DevServerIT {
  /** Shared by the runs of this build, so the binaries are unpacked once. */
  private static final Path PG_CACHE = Path.of("target", "it-pg-binaries").toAbsolutePath();

  @TempDir
  Path root;

  private TeamProject project;
  private MavenRun maven;

  @BeforeEach
  void project() throws Exception {
    project = TeamProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    // the archetype's binding: hop:dev-db at initialize
    String pom = Files.readString(project.dir().resolve("pom.xml"), StandardCharsets.UTF_8);
    String bound = pom.replaceFirst("(\\s*)<configuration>(\\s*)<basePackage>",
        "$1<executions><execution><goals><goal>dev-db</goal></goals></execution></executions>"
            + "$1<configuration>$2<basePackage>");
    assertThat(bound).contains("<goal>dev-db</goal>");
    project.write("pom.xml", bound);
    project.git("commit", "-q", "-am", "[ho] Bind hop:dev-db");
    project.git("push", "-q", "origin", "ho-prod");
  }

  @AfterEach
  void noServerLeft() throws Exception {
    Path pid = project.dir().resolve(".hop/local/pg/postmaster.pid");
    if (Files.exists(pid)) {
      long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
      ProcessHandle.of(postmaster).ifPresent(p -> {
        p.destroy();
        p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
      });
    }
  }

  @Test
  void patchApplyAndTestsUseTheEmbeddedServerUntilDbStop() throws Exception {
    MavenRun.Result created = maven.run(project.dir(), properties("id", "1-items", "description", "Items"),
        "hop:patch-new");
    assertThat(created.succeeded()).as(created.log()).isTrue();
    assertThat(project.dir().resolve(".hop/local")).as("patch-new needs no database").doesNotExist();

    project.write("Patches/1-items/01-items.sql", "CREATE TABLE public.item (id integer PRIMARY KEY, name text);\n"
        + "INSERT INTO public.item VALUES (1, 'one');\n");
    MavenRun.Result applied = maven.run(project.dir(), properties(), "hop:patch-apply");
    assertThat(applied.succeeded()).as(applied.log()).isTrue();
    assertThat(applied.info()).filteredOn(l -> l.startsWith("Development database: ")).singleElement()
        .satisfies(l -> assertThat(l).startsWith("Development database: " + project.database()
            + " on the embedded PostgreSQL 15.19.0 at 127.0.0.1:").contains("mvn hop:db-stop"));
    Properties server = new Properties();
    try (var in = Files.newBufferedReader(project.dir().resolve(".hop/local/server.properties"))) {
      server.load(in);
    }
    int port = Integer.parseInt(server.getProperty("port"));
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + project.database();
    assertThat(query(url, "SHOW data_directory")).isEqualTo(project.dir().resolve(".hop/local/pg").toString());
    assertThat(query(url, "SELECT name FROM public.item")).isEqualTo("one");

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
    MavenRun.Result tested = maven.run(project.dir(), properties(), "test");
    assertThat(tested.succeeded()).as(tested.log()).isTrue();
    assertThat(tested.log()).contains("Tests run: ", "Failures: 0, Errors: 0")
        .contains("(pid " + server.getProperty("pid") + ", reused)")
        .contains("Development database postgres@127.0.0.1:" + port + "/" + project.database() + " is there");
    assertThat(tested.log()).doesNotContain("Tests run: 0,");

    MavenRun.Result stopped = maven.run(project.dir(), properties(), "hop:db-stop");
    assertThat(stopped.succeeded()).as(stopped.log()).isTrue();
    assertThat(stopped.info()).anyMatch(l -> l.startsWith("Stopped the embedded PostgreSQL of this project (pid "
        + server.getProperty("pid") + ","));
    assertThat(postgresProcessesOf(project.dir())).isEmpty();

    MavenRun.Result again = maven.run(project.dir(), properties(), "hop:db-stop");
    assertThat(again.succeeded()).as(again.log()).isTrue();
    assertThat(again.info()).anyMatch(l -> l.startsWith("No embedded PostgreSQL runs for this project"));
  }

  /** No hop.url: the development database named by hop.database, binaries unpacked in the build's folder. */
  private Properties properties(String... keyValues) {
    Properties p = new Properties();
    p.setProperty("hop.database", project.database());
    p.setProperty("hop.pgCache", PG_CACHE.toString());
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static String query(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> postgresProcessesOf(Path dir) {
    String prefix = dir.toString();
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().map(c -> p.pid() + " " + c)).flatMap(Optional::stream)
        .filter(c -> c.contains("postgres") && c.contains(prefix)).toList();
  }
}
