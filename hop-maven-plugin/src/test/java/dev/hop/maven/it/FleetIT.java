package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:upgrade} over a fleet: a targets file of three databases, one of which fails (the build fails, the
 * others are upgraded, the summary and JSON say which); then the databases of a LIKE pattern, which finishes the job,
 * and check over the same pattern.
 */
class FleetIT {

  @TempDir
  Path root;

  private ReleasedProject released;
  private MavenRun maven;
  private List<TestDatabase> fleet;

  @BeforeEach
  void project() throws Exception {
    released = ReleasedProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, released.project().gitEnvironment());
    fleet = List.of(TestPostgres.get().createDatabase("fleet_it"), TestPostgres.get().createDatabase("fleet_it"),
        TestPostgres.get().createDatabase("fleet_it"));
    for (TestDatabase db : fleet) {
      ReleasedProject.productionAtZero(db);
    }
  }

  @AfterEach
  void drop() {
    fleet.forEach(TestDatabase::close);
  }

  @Test
  void aFailureInTheFleetFailsTheBuildAfterTheOthersAreUpgradedAndTheNextRunFinishes() throws Exception {
    released.release("1.0.0").patch("1-customers", "01.sql", "CREATE TABLE customer (id int);").release();
    execute(fleet.get(1), "CREATE TABLE customer (name text)");
    Path targets = Files.writeString(root.resolve("tenants.txt"), "# the tenants\n"
        + fleet.get(0).jdbcUrl() + " alpha\n" + fleet.get(1).jdbcUrl() + " beta  # the broken one\n\n"
        + fleet.get(2).jdbcUrl() + "\n");
    Properties listed = new Properties();
    listed.setProperty("hop.targets", targets.toString());
    listed.setProperty("hop.user", fleet.get(0).user());
    listed.setProperty("hop.parallel", "2");
    listed.setProperty("hop.output", "json");

    MavenRun.Result first = maven.run(released.dir(), listed, "hop:upgrade");

    assertThat(first.succeeded()).isFalse();
    assertThat(first.log()).contains("3 databases: 2 upgraded, 0 up to date, 1 failed",
        "1 database of the fleet failed");
    assertThat(first.info()).anyMatch(l -> l.startsWith("beta ") && l.contains("FAILED"));
    JsonNode doc = GoalDocument.assertDone(released.dir(), "upgrade");
    assertThat(doc.path("databases").findValuesAsText("name")).containsExactly("alpha", "beta", fleet.get(2).name());
    assertThat(doc.path("databases").findValuesAsText("status")).containsExactly("UPGRADED", "FAILED", "UPGRADED");
    assertThat(doc.path("databases").get(1).path("error").asText()).contains("customer");
    assertThat(ProductionChecks.version(fleet.get(0))).isEqualTo("1.0.0");
    assertThat(ProductionChecks.version(fleet.get(1))).isEqualTo("0.0.0");
    assertThat(ProductionChecks.version(fleet.get(2))).isEqualTo("1.0.0");

    execute(fleet.get(1), "DROP TABLE customer");
    MavenRun.Result second = maven.run(released.dir(), ProductionChecks.target(fleet.get(0), "hop.databases",
        "fleet_it%"), "hop:upgrade");

    assertThat(second.succeeded()).as(second.log()).isTrue();
    assertThat(second.log()).contains("3 databases: 1 upgraded, 2 up to date, 0 failed");
    assertThat(ProductionChecks.version(fleet.get(1))).isEqualTo("1.0.0");

    MavenRun.Result check = maven.run(released.dir(), ProductionChecks.target(fleet.get(0), "hop.databases",
        "fleet_it%", "hop.checkSchema", "false"), "hop:check");
    assertThat(check.succeeded()).as(check.log()).isTrue();
    assertThat(check.log()).contains("3 databases: 3 as released, 0 drifted, 0 not checked");
  }

  private static void execute(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
