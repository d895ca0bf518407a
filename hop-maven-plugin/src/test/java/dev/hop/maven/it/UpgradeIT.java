package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:upgrade} on a production database at 0.0.0 with three production releases on origin. */
class UpgradeIT {
  private static final String ORDERS = "CREATE TABLE orders (id serial PRIMARY KEY,"
      + " customer_id int REFERENCES customer);\n";
  private static final String INDEX = "CREATE INDEX orders_customer ON orders (customer_id);\n";
  private static final String BROKEN_INDEX = INDEX + "SELECT nope\n  FROM orders;\n";
  private static final String FILL_JAVA = """
      import java.sql.*;
      import java.util.Properties;
      public class Fill {
        public static void main(String[] args) throws Exception {
          Properties login = new Properties();
          if (System.getenv("HOP_USER") != null) login.setProperty("user", System.getenv("HOP_USER"));
          if (System.getenv("HOP_PASSWORD") != null) login.setProperty("password", System.getenv("HOP_PASSWORD"));
          try (Connection c = DriverManager.getConnection(System.getenv("HOP_URL"), login);
               Statement s = c.createStatement()) {
            s.execute("CREATE TABLE from_java (id int)");
            s.execute("INSERT INTO customer (name) VALUES ('from java')");
          }
        }
      }
      """;

  @TempDir
  Path root;

  private ReleasedProject released;
  private MavenRun maven;
  private TestDatabase db;
  private String role;

  @BeforeEach
  void project() throws Exception {
    released = ReleasedProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, released.project().gitEnvironment());
    db = TestPostgres.get().createDatabase("upgrade_it");
    ReleasedProject.productionAtZero(db);
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
    if (role != null) {
      try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
        s.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  /** 1.0.0 customers, 1.1.0 orders + {@code secondPatchOf110}, 1.2.0 a view. */
  private void threeReleases(String secondPatchOf110, String... extraOrdersFiles) throws Exception {
    released.release("1.0.0").patch("1-customers",
        "01-table.sql", "CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);\n",
        "02-data.sql", "INSERT INTO customer (name) VALUES ('first');\n").release();
    String[] orders = Stream.concat(Stream.of("01-table.sql", ORDERS), Stream.of(extraOrdersFiles))
        .toArray(String[]::new);
    released.release("1.1.0").patch("2-orders", orders).patch("3-index", "01-index.sql", secondPatchOf110).release();
    released.release("1.2.0").patch("4-view", "01-view.sql", "CREATE VIEW customer_orders AS SELECT c.name,"
        + " count(o.id) AS orders FROM customer c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name;\n")
        .release();
  }

  @Test
  void dryRunChangesNothingAndItsPlanSqlBuildsWhatTheRealUpgradeBuilds() throws Exception {
    threeReleases(INDEX);
    String catalog = ProductionChecks.fingerprint(db);
    String data = ProductionChecks.data(db);

    MavenRun.Result dry = maven.run(released.dir(), ProductionChecks.target(db, "dryRun", "true",
        "hop.output", "json"), "hop:upgrade");

    assertThat(dry.succeeded()).as(dry.log()).isTrue();
    assertThat(dry.info()).containsSubsequence("Would apply release 1.0.0 (tag v1.0.0): 1 patch",
        "  patch 1-customers: 01-table.sql, 02-data.sql", "Would apply release 1.1.0 (tag v1.1.0): 2 patches",
        "Would apply release 1.2.0 (tag v1.2.0): 1 patch");
    assertThat(ProductionChecks.fingerprint(db)).isEqualTo(catalog);
    assertThat(ProductionChecks.data(db)).isEqualTo(data);
    assertThat(released.dir().resolve("backups")).doesNotExist();
    Path plan = released.dir().resolve("target/hop/upgrade-plan.sql");
    assertThat(plan).content().contains("-- file Patches/3-index/01-index.sql", INDEX, "BEGIN;", "COMMIT;");
    assertThat(GoalDocument.assertDone(released.dir(), "upgrade").path("status").asText()).isEqualTo("DRY_RUN");

    try (TestDatabase copy = copyOf(db)) {
      Process psql = copy.processBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", plan.toString())
          .redirectErrorStream(true).start();
      String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(psql.exitValue()).as(out).isZero();

      long t0 = System.nanoTime();
      MavenRun.Result real = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");
      System.out.printf("real upgrade through 3 releases: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

      assertThat(real.succeeded()).as(real.log()).isTrue();
      ProductionChecks.startInOrder(real.info(), "Backed up " + db.name() + " to ",
          "Applying release 1.0.0 (1 patch, tag v1.0.0)", "Ran Patches/1-customers/01-table.sql in ",
          "Ran Patches/1-customers/02-data.sql in ", "Applied release 1.0.0: 1 patch, 2 files (",
          "Applied release 1.1.0: 2 patches, 2 files (", "Applied release 1.2.0: 1 patch, 1 file (");
      assertThat(ProductionChecks.version(db)).isEqualTo("1.2.0");
      assertThat(ProductionChecks.fingerprint(db)).isEqualTo(ProductionChecks.fingerprint(copy))
          .isNotEqualTo(catalog);
      assertThat(ProductionChecks.query(db, "SELECT count(*) FROM half_orm_meta.hop_applied_patch")).isEqualTo("5");
      assertThat(ProductionChecks.query(db, "SELECT string_agg(major || '.' || minor || '.' || patch || ' '"
          + " || coalesce(commit, ''), ',' ORDER BY major, minor) FROM half_orm_meta.hop_release"))
          .contains("1.1.0 " + released.project().git("rev-parse", "v1.1.0^{commit}"));
    }
    List<Path> backups = Files.list(released.dir().resolve("backups")).toList();
    assertThat(backups).singleElement().satisfies(b -> {
      assertThat(b.getFileName().toString()).matches(db.name() + "-0\\.0\\.0-\\d{8}T\\d{6}\\.\\d{3}Z\\.dump");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b))).isEqualTo("rw-------");
    });
    assertThat(released.project().git("status", "--porcelain")).isEmpty();

    MavenRun.Result restore = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json", "backup",
        backups.get(0).toString()), "hop:restore");
    assertThat(restore.succeeded()).as(restore.log()).isTrue();
    assertThat(ProductionChecks.version(db)).isEqualTo("0.0.0");
    assertThat(ProductionChecks.data(db)).isEqualTo(data);
    JsonNode restored = GoalDocument.assertDone(released.dir(), "restore");
    assertThat(restored.path("before").asText()).isEqualTo("1.2.0");
    assertThat(restored.path("now").asText()).isEqualTo("0.0.0");
    // the test's database has a table the archetype's 0.0.0 snapshot lacks: reported, not fatal
    assertThat(restored.path("schema").toString()).contains("added: TABLE public.seed");
    assertThat(restore.info()).anyMatch(l -> l.startsWith("Database " + db.name() + " now holds release 0.0.0"));
  }

  @Test
  void toReleaseStopsAtTheSecondRelease() throws Exception {
    threeReleases(INDEX);

    MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(db, "toRelease", "1.1.0"),
        "hop:upgrade");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.log()).contains("Applied release 1.1.0").doesNotContain("Applying release 1.2.0");
    assertThat(ProductionChecks.version(db)).isEqualTo("1.1.0");
    assertThat(ProductionChecks.query(db, "SELECT to_regclass('customer_orders')::text")).isNull();
  }

  @Test
  void anSqlErrorInTheSecondPatchOfTheSecondReleaseLeavesTheDatabaseUnchanged() throws Exception {
    threeReleases(BROKEN_INDEX);
    String catalog = ProductionChecks.fingerprint(db);
    String data = ProductionChecks.data(db);

    MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.log()).contains("Upgrade failed in release 1.1.0, patch 3-index, at"
        + " Patches/3-index/01-index.sql:2:8: column \"nope\" does not exist")
        .contains("The transaction was rolled back; the database is unchanged")
        .contains("Backup: " + released.dir().resolve("backups").toRealPath())
        .doesNotContain("Applying release 1.2.0");
    assertThat(ProductionChecks.fingerprint(db)).isEqualTo(catalog);
    assertThat(ProductionChecks.data(db)).isEqualTo(data);
    assertThat(ProductionChecks.version(db)).isEqualTo("0.0.0");
  }

  @Test
  void aJavaScriptBeforeTheFailureMakesUpgradeRestoreTheBackupAndNoPasswordIsLogged() throws Exception {
    threeReleases(BROKEN_INDEX, "02-fill.java", FILL_JAVA);
    String password = "Pw-" + Long.toHexString(System.nanoTime()) + "-secret";
    role = db.name() + "_owner";
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + password + "'");
    }
    String catalog = ProductionChecks.fingerprint(db);
    String data = ProductionChecks.data(db);
    Properties target = ProductionChecks.target(db, "hop.user", role, "hop.password", password);

    MavenRun.Result result = maven.run(released.dir(), target, "-X", "hop:upgrade");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.log()).contains("Patches/3-index/01-index.sql:2:8")
        .contains("The run was not transactional, so the backup was restored; the database is unchanged")
        .contains("Restored " + db.name() + " from ");
    // -X makes Maven dump every mojo parameter: hop gets the password parameter unevaluated; hop's own lines (debug
    // ones too), pg_dump/pg_restore and the Java script get it only through their environment
    assertThat(result.lines()).filteredOn(l -> l.contains(password)).isEmpty();
    assertThat(result.lines()).anyMatch(l -> l.startsWith("[DEBUG]   (f) password = ") && l.contains("${hop.password}"));
    assertThat(ProductionChecks.fingerprint(db)).isEqualTo(catalog);
    assertThat(ProductionChecks.data(db)).isEqualTo(data);
    assertThat(ProductionChecks.query(db, "SELECT to_regclass('from_java')::text")).isNull();
  }

  @Test
  void withNothingToApplyLocalChangesAreNoObstacleUnlessTheyTouchReleaseFiles() throws Exception {
    threeReleases(INDEX);
    released.project().write("notes.txt", "a note on the production host\n");
    released.project().write("Patches/1-customers/README.md", "# edited\n");

    MavenRun.Result refused = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.log()).contains("Repository is not clean: cannot upgrade with 2 uncommitted files");
    assertThat(ProductionChecks.version(db)).isEqualTo("0.0.0");
    assertThat(released.dir().resolve("backups")).doesNotExist();

    released.project().git("stash", "-q", "--include-untracked");
    MavenRun.Result upgraded = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");
    assertThat(upgraded.succeeded()).as(upgraded.log()).isTrue();
    released.project().git("stash", "pop", "-q");

    MavenRun.Result upToDate = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");

    assertThat(upToDate.succeeded()).as(upToDate.log()).isTrue();
    assertThat(upToDate.info()).contains("Database " + db.name() + " is at 1.2.0: nothing to upgrade");
    assertThat(upToDate.log()).doesNotContain("Backed up");

    released.project().write("releases/1.2.0.txt", "# 4-view taken out by hand\n");
    MavenRun.Result editedRelease = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");

    assertThat(editedRelease.exitCode()).isNotZero();
    assertThat(editedRelease.log()).contains("Repository is not clean: cannot upgrade with 3 uncommitted files")
        .contains("releases/1.2.0.txt");
  }

  @Test
  void aSecondUpgradeWaitsForTheLockThenFailsNamingItsHolder() throws Exception {
    threeReleases(INDEX);
    try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
      s.execute("SET application_name = 'other-upgrade'");
      s.execute("SELECT pg_advisory_lock(" + 0x686f70 + ", hashtext('hop.upgrade:' || current_database()))");
      int pid;
      try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }

      MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(db, "hop.upgradeLockWait", "2"),
          "hop:upgrade");

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.log()).contains("Upgrade lock of database " + db.name())
          .contains("pid " + pid + ", application 'other-upgrade'").contains("waited 2 s");
    }
    assertThat(ProductionChecks.version(db)).isEqualTo("0.0.0");
    assertThat(released.dir().resolve("backups")).satisfiesAnyOf(
        d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
  }

  @Test
  void createMakesAMissingDatabaseAtTheProductionStateThenUpgradesIt() throws Exception {
    threeReleases(INDEX);
    TestDatabase missing = new TestDatabase(TestPostgres.get(), db.name() + "_new");
    try (missing) {
      MavenRun.Result refused = maven.run(released.dir(), ProductionChecks.target(missing), "hop:upgrade");
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.log()).contains("Database " + missing.name() + " does not exist")
          .contains("mvn hop:upgrade -Dcreate=true");

      MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(missing, "create", "true"),
          "hop:upgrade");

      assertThat(result.succeeded()).as(result.log()).isTrue();
      assertThat(result.info()).anySatisfy(l -> assertThat(l).startsWith("Created " + missing.name()
          + " at production 0.0.0"));
      assertThat(ProductionChecks.version(missing)).isEqualTo("1.2.0");
      try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
              + " WHERE datname = '" + missing.name() + "'")) {
        rs.next();
        assertThat(rs.getString(1)).isNull();
      }
    }
  }

  @Test
  void anUpgradeKilledWhilePatchRunsLeavesTheOldDatabaseAndTheNextUpgradeSucceeds() throws Exception {
    threeReleases(INDEX + "SELECT pg_sleep(6);\n");
    String catalog = ProductionChecks.fingerprint(db);
    String data = ProductionChecks.data(db);
    Thread run = new Thread(() -> {
      try {
        maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");
      } catch (Exception e) {
        // killed on purpose
      }
    });
    run.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!"1".equals(ProductionChecks.query(db, "SELECT count(*) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND query LIKE '%pg_sleep(6)%' AND pid <> pg_backend_pid()"))) {
      assertThat(System.nanoTime()).as("the upgrade reached pg_sleep").isLessThan(deadline);
      Thread.sleep(100);
    }
    List<ProcessHandle> mavens = ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("classworlds")).toList();
    assertThat(mavens).isNotEmpty();
    mavens.forEach(ProcessHandle::destroyForcibly);
    run.join(30_000);
    while (!"0".equals(ProductionChecks.query(db, "SELECT count(*) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND application_name = 'hop'"))) {
      assertThat(System.nanoTime()).as("the killed upgrade's session ended").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(ProductionChecks.version(db)).isEqualTo("0.0.0");
    assertThat(ProductionChecks.fingerprint(db)).isEqualTo(catalog);
    assertThat(ProductionChecks.data(db)).isEqualTo(data);

    MavenRun.Result again = maven.run(released.dir(), ProductionChecks.target(db, "toRelease", "1.0.0"),
        "hop:upgrade");
    assertThat(again.succeeded()).as(again.log()).isTrue();
    assertThat(ProductionChecks.version(db)).isEqualTo("1.0.0");
    assertThat(ProductionChecks.query(db, "SELECT to_regclass('orders')::text")).isNull();
  }

  private static TestDatabase copyOf(TestDatabase db) throws Exception {
    TestDatabase copy = new TestDatabase(db.server(), db.name() + "_copy");
    try (Connection c = db.server().maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + copy.name() + " TEMPLATE " + db.name());
    }
    return copy;
  }
}
