package dev.hop.maven.it;

import dev.hop.core.testing.MavenRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
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
    project.useEmbeddedServer(PG_CACHE);
  }

  @AfterEach
  void noServerLeft() throws Exception {
    project.killEmbeddedServer();
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
    assertThat(project.postgresProcesses()).isEmpty();

    MavenRun.Result again = maven.run(project.dir(), properties(), "hop:db-stop");
    assertThat(again.succeeded()).as(again.log()).isTrue();
    assertThat(again.info()).anyMatch(l -> l.startsWith("No embedded PostgreSQL runs for this project"));
  }

  private Properties properties(String... keyValues) {
    return project.properties(keyValues);
  }

  private static String query(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
