package dev.hop.maven.it;

import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A hop project for the team goals' scenarios: laid out as the archetype leaves it (a pom whose {@code mvn test}
 * runs JUnit 5 tests with the PostgreSQL driver, model/ at 0.0.0 with its metadata), on ho-prod pushed to a bare
 * origin, with a development database name of its own on the test server; patch branches, archived branches and
 * release files are set up with the git CLI, as the other goals would leave them.
 */
final class TeamProject extends ScenarioRepository {
  static final String BASE_PACKAGE = "it.hop.db";

  private final String database;
  private Path embeddedCache;

  private TeamProject(Path root, String artifactId, String database) throws IOException {
    super(root, artifactId);
    this.database = database;
  }

  /** Creates {@code root/<artifactId>} and {@code root/origin.git}; git runs with {@code root/home} as HOME. */
  static TeamProject create(Path root, String artifactId) throws IOException {
    String database = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    TeamProject project = new TeamProject(root, artifactId, database);
    project.layOut(pom(artifactId));
    project.write("src/test/java/it/hop/ConnectionTest.java", """
        package it.hop;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import java.sql.Connection;
        import java.sql.DriverManager;
        import org.junit.jupiter.api.Test;

        class ConnectionTest {
          /** As the archetype's HopDatabase: system property (from Surefire), else environment (validation). */
          static Connection connect() throws Exception {
            return DriverManager.getConnection(value("hop.url"), value("hop.user"), value("hop.password"));
          }

          private static String value(String name) {
            String v = System.getProperty(name);
            if (v == null || v.isBlank() || v.startsWith("$" + "{")) {
              v = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
            }
            return v == null || v.isBlank() ? null : v;
          }

          @Test
          void databaseAnswers() throws Exception {
            try (Connection c = connect()) {
              assertTrue(c.isValid(5));
            }
          }
        }
        """);
    project.publish();
    return project;
  }

  /** The development database's name (it need not exist). */
  String database() {
    return database;
  }

  /**
   * Switches the project to hop's embedded server, as a generated project has it: hop:dev-db bound to initialize
   * (committed and pushed on ho-prod) and no hop.url in {@link #properties}.
   *
   * @param cache where the binaries are unpacked (hop.pgCache)
   */
  void useEmbeddedServer(Path cache) throws IOException {
    String pom = read("pom.xml");
    String bound = pom.replaceFirst("(\\s*)<configuration>(\\s*)<basePackage>",
        "$1<executions><execution><goals><goal>dev-db</goal></goals></execution></executions>"
            + "$1<configuration>$2<basePackage>");
    if (bound.equals(pom)) {
      throw new IllegalStateException("No hop plugin <configuration> to bind dev-db next to in " + pom);
    }
    write("pom.xml", bound);
    git("commit", "-q", "-am", "[ho] Bind hop:dev-db");
    git("push", "-q", "origin", "ho-prod");
    embeddedCache = cache;
  }

  /** Opens a connection to {@code name} on the server the goals use (embedded or the test server). */
  Connection connect(String name) throws IOException, SQLException {
    if (embeddedCache == null) {
      return TestPostgres.get().connect(name);
    }
    return DriverManager.getConnection(embeddedUrl(name), "postgres", embeddedPassword());
  }

  /** {@code .hop/local/server.properties}, as the embedded server recorded itself (port, pid, ...). */
  Properties embeddedServer() throws IOException {
    Properties server = new Properties();
    try (var in = Files.newBufferedReader(dir().resolve(".hop/local/server.properties"))) {
      server.load(in);
    }
    return server;
  }

  /** The JDBC URL of {@code name} on the project's embedded server. */
  String embeddedUrl(String name) throws IOException {
    return "jdbc:postgresql://127.0.0.1:" + embeddedServer().getProperty("port") + "/" + name;
  }

  /** The embedded server's superuser password, from {@code .hop/local/password}. */
  String embeddedPassword() throws IOException {
    return Files.readString(dir().resolve(".hop/local/password")).strip();
  }

  /** Kills the embedded server if one runs (test clean-up; hop:db-stop is the user's way). */
  void killEmbeddedServer() throws IOException {
    Path pid = dir().resolve(".hop/local/pg/postmaster.pid");
    if (Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(p -> {
        p.destroy();
        p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
      });
    }
  }

  /** The live processes whose command line names this project's folder and postgres. */
  List<String> postgresProcesses() {
    String prefix = dir().toString();
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().map(c -> p.pid() + " " + c)).flatMap(Optional::stream)
        .filter(c -> c.contains("postgres") && c.contains(prefix)).toList();
  }

  /** The user properties pointing the goals at the test server, or at the embedded one. */
  Properties properties(String... keyValues) {
    Properties p = new Properties();
    if (embeddedCache != null) {
      p.setProperty("hop.database", database);
      p.setProperty("hop.pgCache", embeddedCache.toString());
    } else {
      TestPostgres pg = TestPostgres.get();
      p.setProperty("hop.url", pg.jdbcUrl(database));
      p.setProperty("hop.user", pg.user());
    }
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  /**
   * Makes branch {@code branch} from ho-prod with {@code Patches/<id>/README.md} and {@code files} (path, content
   * pairs), pushes it to origin and comes back to ho-prod, as patch-new and the developer would leave it.
   */
  void branch(String branch, String id, String... files) throws IOException {
    git("switch", "-q", "-c", branch, "ho-prod");
    write("Patches/" + id + "/README.md", "# " + id + "\n");
    for (int i = 0; i + 1 < files.length; i += 2) {
      write(files[i], files[i + 1]);
    }
    git("add", "-A");
    git("commit", "-q", "-m", "Patch " + id);
    git("push", "-q", "origin", branch);
    git("switch", "-q", "ho-prod");
    git("branch", "-q", "-D", branch);
  }

  /** Writes release files on ho-prod (name, content pairs), commits and pushes. */
  void releases(String... files) throws IOException {
    for (int i = 0; i + 1 < files.length; i += 2) {
      write("releases/" + files[i], files[i + 1]);
    }
    git("add", "-A");
    git("commit", "-q", "-m", "[ho] Set up releases");
    git("push", "-q", "origin", "ho-prod");
  }

  /** Whether the test server has a database named {@code name}. */
  static boolean databaseExists(String name) throws SQLException {
    try (Connection c = TestPostgres.get().maintenance();
        PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String pom(String artifactId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>it.hop</groupId>
          <artifactId>%s</artifactId>
          <version>1.0-SNAPSHOT</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <dependencies>
            <dependency>
              <groupId>org.postgresql</groupId>
              <artifactId>postgresql</artifactId>
              <version>%s</version>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>dev.hop</groupId>
                <artifactId>hop-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <basePackage>%s</basePackage>
                </configuration>
              </plugin>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <promoteUserPropertiesToSystemProperties>false</promoteUserPropertiesToSystemProperties>
                  <systemPropertyVariables>
                    <hop.url>${hop.url}</hop.url>
                    <hop.user>${hop.user}</hop.user>
                    <hop.password>${hop.password}</hop.password>
                  </systemPropertyVariables>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(artifactId, MavenRun.required("hop.it.postgresqlVersion"),
        MavenRun.required("hop.it.junitVersion"), MavenRun.pluginVersion(), BASE_PACKAGE,
        MavenRun.required("hop.it.resourcesPluginVersion"), MavenRun.required("hop.it.compilerPluginVersion"),
        MavenRun.required("hop.it.surefireVersion"));
  }
}
