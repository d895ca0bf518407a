package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:check} and {@code mvn hop:history} on a production checkout, as a CI gate runs them: a table made by
 * hand in production fails the build unless only reported, and the history lists what the database holds; a released
 * file edited on ho-prod is named by status and check, and upgrade refuses to go on.
 */
class CheckIT {

  @TempDir
  Path root;

  private ReleasedProject released;
  private MavenRun maven;
  private TestDatabase db;

  @BeforeEach
  void project() throws Exception {
    released = ReleasedProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, released.project().gitEnvironment());
    db = TestPostgres.get().createDatabase("check_it");
    ReleasedProject.productionAtZero(db); // with a table "seed" that no release made
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void aTableMadeByHandOrAnEditedReleasedFileFailsTheGateAndUpgradeIsRefused() throws Exception {
    MavenRun.Result gate = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json"), "hop:check");

    assertThat(gate.succeeded()).as(gate.log()).isFalse();
    assertThat(gate.log()).contains("added: TABLE public.seed", "Database " + db.name() + " differs from its"
        + " releases: 0 released files, 2 schema objects");
    JsonNode doc = GoalDocument.assertDone(released.dir(), "check");
    assertThat(doc.path("drifted").asBoolean()).isTrue();
    assertThat(doc.path("schema").findValuesAsText("object")).containsExactly("TABLE public.seed",
        "CONSTRAINT public.seed seed_pkey");
    assertThat(doc.path("schema").get(0).path("kind").asText()).isEqualTo("ADDED");

    MavenRun.Result report = maven.run(released.dir(), ProductionChecks.target(db, "hop.failOnDrift", "false"),
        "hop:check");
    assertThat(report.succeeded()).as(report.log()).isTrue();
    assertThat(report.log()).contains("Schema: 2 objects differ from model/schema-0.0.0.sql");

    MavenRun.Result history = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json"),
        "hop:history");
    assertThat(history.succeeded()).as(history.log()).isTrue();
    assertThat(history.info()).anyMatch(l -> l.startsWith("Database " + db.name() + " is at 0.0.0; 1 release"));
    JsonNode releases = GoalDocument.assertDone(released.dir(), "history").path("releases");
    assertThat(releases.get(0).path("release").asText()).isEqualTo("0.0.0");
    assertThat(scratchDatabases()).as("the scratch database of the schema check is dropped").isZero();

    // then a release applied, and one of its files edited on ho-prod
    released.release("1.0.0").patch("1-customers", "01.sql", "CREATE TABLE customer (id int);").release();
    MavenRun.Result upgraded = maven.run(released.dir(), ProductionChecks.target(db), "hop:upgrade");
    assertThat(upgraded.succeeded()).as(upgraded.log()).isTrue();
    released.release("1.1.0").patch("2-orders", "01.sql", "CREATE TABLE orders (id int);").release();
    HopProject project = released.project();
    project.write("Patches/1-customers/01.sql", "CREATE TABLE customer (id bigint);");
    project.git("commit", "-q", "-am", "Widen customer.id in place");
    project.git("push", "-q", "origin", "ho-prod");

    MavenRun.Result status = maven.run(released.dir(), new Properties(), "hop:status");
    MavenRun.Result check = maven.run(released.dir(), ProductionChecks.target(db, "hop.checkSchema", "false"),
        "hop:check");
    MavenRun.Result upgrade = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json"),
        "hop:upgrade");

    assertThat(status.succeeded()).as(status.log()).isTrue();
    assertThat(status.log()).contains("Released file edited: Patches/1-customers/01.sql");
    assertThat(check.succeeded()).isFalse();
    assertThat(check.log()).contains("changed since v1.0.0: Patches/1-customers/01.sql of release 1.0.0",
        "1 released file, 0 schema objects");
    assertThat(upgrade.succeeded()).isFalse();
    JsonNode refused = GoalDocument.read(released.dir(), "upgrade");
    assertThat(refused.path("outcome").asText()).isEqualTo("refused");
    assertThat(refused.path("error").path("reason").asText()).isEqualTo("RELEASED_FILES");
    assertThat(refused.path("error").path("message").asText()).contains("Patches/1-customers/01.sql");
    assertThat(ProductionChecks.version(db)).as("upgrade changed nothing").isEqualTo("1.0.0");
    try (Stream<Path> backups = Files.list(released.dir().resolve("backups"))) {
      assertThat(backups).as("the first upgrade's backup only").hasSize(1);
    }
  }

  private int scratchDatabases() throws SQLException {
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + db.name() + "_check'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
