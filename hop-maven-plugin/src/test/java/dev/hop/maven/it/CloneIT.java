package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn dev.hop:hop-maven-plugin:<version>:clone} in a folder without a project. */
class CloneIT {
  /** Shared by the runs of this build, so the binaries are unpacked once. */
  private static final Path PG_CACHE = Path.of("target", "it-pg-binaries").toAbsolutePath();

  @TempDir
  Path root;

  private ReleasedProject released;
  private MavenRun maven;
  private Path work;

  @BeforeEach
  void project() throws Exception {
    released = ReleasedProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, released.project().gitEnvironment());
    work = Files.createDirectories(root.resolve("work"));
  }

  @Test
  void cloneIntoAnExistingFolderIsRefusedAndTheFolderIsLeftAlone() throws Exception {
    Path existing = Files.createDirectories(work.resolve("shop-db"));
    Files.writeString(existing.resolve("notes.txt"), "mine");

    MavenRun.Result result = maven.runWithoutProject(work, properties("hop_clone_unused"), MavenRun.plugin() + "clone");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.log()).contains("Destination folder " + existing + " already exists");
    assertThat(existing).isDirectoryContaining(p -> p.getFileName().toString().equals("notes.txt"));
    assertThat(existing.resolve(".git")).doesNotExist();
  }

  @Test
  void cloneChecksOutHoProdAndCreatesTheDevelopmentDatabaseThenTheProjectWorks() throws Exception {
    String name = "clone_it_" + Long.toHexString(System.nanoTime());
    try (TestDatabase dev = new TestDatabase(TestPostgres.get(), name);
        TestDatabase template = new TestDatabase(TestPostgres.get(), name + "__hop_0_0_0")) {
      MavenRun.Result result = maven.runWithoutProject(work, properties(name), MavenRun.plugin() + "clone");

      assertThat(result.succeeded()).as(result.log()).isTrue();
      Path clone = work.resolve("shop-db");
      assertThat(result.info()).contains("Cloned into " + clone + " on ho-prod; development database " + name
          + " is at production 0.0.0");
      assertThat(released.project().git("-C", clone.toString(), "branch", "--show-current")).isEqualTo("ho-prod");
      assertThat(ProductionChecks.version(dev)).isEqualTo("0.0.0");
      assertThat(comment(name)).startsWith("hop:development");

      MavenRun.Result status = maven.run(clone, new Properties(), "hop:status");
      assertThat(status.succeeded()).as(status.log()).isTrue();
      assertThat(status.info()).contains("Production version: 0.0.0");
      assertThat(template.name()).isNotEmpty();
    }
  }

  @Test
  void anExistingDatabaseHopDidNotCreateIsNeverDroppedAndTheCloneIsRemoved() throws Exception {
    try (TestDatabase foreign = TestPostgres.get().createDatabase("clone_foreign")) {
      try (Connection c = foreign.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE precious (id int)");
      }
      TestDatabase template = new TestDatabase(TestPostgres.get(), foreign.name() + "__hop_0_0_0");
      try (template) {
        MavenRun.Result result = maven.runWithoutProject(work, properties(foreign.name()), MavenRun.plugin()
            + "clone");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.log()).contains("Refusing to re-create database " + foreign.name());
        assertThat(work.resolve("shop-db")).doesNotExist();
        assertThat(ProductionChecks.query(foreign, "SELECT to_regclass('precious')::text")).isEqualTo("precious");
      }
    }
  }

  @Test
  void withoutHopUrlTheCloneGetsItsOwnEmbeddedServer() throws Exception {
    Properties p = new Properties();
    p.setProperty("url", released.project().origin().toUri().toString());
    p.setProperty("dir", "shop-db");
    p.setProperty("hop.pgCache", PG_CACHE.toString());
    p.setProperty("hop.output", "json");
    Path clone = work.resolve("shop-db");
    try {
      MavenRun.Result result = maven.runWithoutProject(work, p, MavenRun.plugin() + "clone");

      assertThat(result.succeeded()).as(result.log()).isTrue();
      assertThat(GoalDocument.assertDone(work, "clone").path("database").asText()).isEqualTo("shop_db");
      assertThat(result.info()).anyMatch(l -> l.startsWith("Development database: shop_db on the embedded PostgreSQL"
          + " 15.19.0 at 127.0.0.1:") && l.endsWith(" of the clone; stop it with mvn hop:db-stop in " + clone))
          .contains("Cloned into " + clone + " on ho-prod; development database shop_db is at production 0.0.0");
      Properties server = new Properties();
      try (var in = Files.newBufferedReader(clone.resolve(".hop/local/server.properties"))) {
        server.load(in);
      }
      assertThat(server.getProperty("dataDir")).isEqualTo(clone.resolve(".hop/local/pg").toString());
      String password = Files.readString(clone.resolve(".hop/local/password")).strip();
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getProperty("port")
          + "/shop_db", "postgres", password); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT major || '.' || minor || '.' || patch"
              + " FROM \"half_orm_meta.view\".hop_last_release")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("0.0.0");
      }
      assertThat(released.project().git(clone, "status", "--porcelain")).as(".hop/local/ is ignored").isEmpty();

      MavenRun.Result stopped = maven.run(clone, new Properties(), "hop:db-stop");
      assertThat(stopped.succeeded()).as(stopped.log()).isTrue();
      assertThat(stopped.info()).anyMatch(l -> l.startsWith("Stopped the embedded PostgreSQL of this project"));
    } finally {
      Path pid = clone.resolve(".hop/local/pg/postmaster.pid");
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  @Test
  void aFailedCloneStopsTheEmbeddedServerItStartedBeforeRemovingTheFolder() throws Exception {
    released.project().write("model/schema-0.0.0.sql", "CREATE TABLE broken (;\n");
    released.project().commitAll("Break the production schema");
    released.project().git("push", "-q", "origin", "ho-prod");
    Properties p = new Properties();
    p.setProperty("url", released.project().origin().toUri().toString());
    p.setProperty("dir", "shop-db");
    p.setProperty("hop.pgCache", PG_CACHE.toString());

    MavenRun.Result result = maven.runWithoutProject(work, p, MavenRun.plugin() + "clone");

    assertThat(result.exitCode()).as(result.log()).isNotZero();
    assertThat(result.log()).contains("Development database: shop_db on the embedded PostgreSQL")
        .contains("Removed the clone " + work.resolve("shop-db"));
    assertThat(work.resolve("shop-db")).doesNotExist();
    assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
        .filter(c -> c.contains("postgres") && c.contains(work.resolve("shop-db").toString()))).isEmpty();
  }

  private Properties properties(String database) {
    Properties p = new Properties();
    p.setProperty("url", released.project().origin().toUri().toString());
    p.setProperty("dir", "shop-db");
    p.setProperty("hop.url", TestPostgres.get().jdbcUrl(database));
    p.setProperty("hop.user", TestPostgres.get().user());
    return p;
  }

  private static String comment(String database) throws Exception {
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            + " WHERE datname = '" + database + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
