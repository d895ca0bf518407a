package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:update} on a production checkout: sync with origin, then what the database lacks. */
class UpdateIT {

  @TempDir
  Path root;

  private ReleasedProject released;
  private MavenRun maven;
  private TestDatabase db;

  @BeforeEach
  void project() throws Exception {
    released = ReleasedProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, released.project().gitEnvironment());
    db = TestPostgres.get().createDatabase("update_it");
    ReleasedProject.productionAtZero(db);
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void nothingNewSaysUpToDateAndWritesJson() throws Exception {
    MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json"),
        "hop:update");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).contains("Database " + db.name() + " version: 0.0.0",
        "No newer production release: the database is up to date");
    String json = Files.readString(released.dir().resolve("target/hop/update.json"), StandardCharsets.UTF_8);
    assertThat(json).contains("\"databaseVersion\":\"0.0.0\"").contains("\"upgradePath\":[]")
        .contains("\"upToDate\":true");
    assertThat(result.log()).contains(json.strip());
    JsonNode doc = GoalDocument.assertDone(released.dir(), "update");
    assertThat(doc.path("upToDate").asBoolean()).isTrue();
  }

  @Test
  void twoNewerReleasesPulledFromOriginAreListedWithTheirPatchesButAnRcOnlyVersionIsNot() throws Exception {
    HopProject project = released.project();
    // the releases are made in the original checkout, pushed, then the checkout is reset to before them
    String start = project.git("rev-parse", "HEAD");
    released.release("1.0.0").patch("1-customers", "01.sql", "CREATE TABLE customer (id int);").release();
    released.release("1.1.0").patch("2-orders", "01.sql", "CREATE TABLE orders (id int);")
        .patch("3-index", "01.sql", "CREATE INDEX ON orders (id);").release();
    released.releaseFileOnly("1.2.0-rc1", "4-view");
    project.git("reset", "-q", "--hard", start);
    project.git("tag", "-d", "v1.0.0", "v1.1.0");

    MavenRun.Result result = maven.run(released.dir(), ProductionChecks.target(db, "hop.output", "json"),
        "hop:update");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).containsSubsequence(
        "ho-prod updated from origin",
        "Database " + db.name() + " version: 0.0.0",
        "Production version: 1.1.0",
        "Release 1.0.0: 1-customers",
        "Release 1.1.0: 2-orders, 3-index",
        "Upgrade path: 0.0.0 -> 1.0.0 -> 1.1.0",
        "Run: mvn hop:upgrade -Dhop.url=" + db.jdbcUrl() + " -Dhop.user=" + db.user());
    assertThat(result.log()).doesNotContain("1.2.0");
    assertThat(project.git("tag", "-l")).contains("v1.0.0", "v1.1.0");
    assertThat(Files.readString(released.dir().resolve("target/hop/update.json")))
        .contains("\"upgradePath\":[\"1.0.0\",\"1.1.0\"]")
        .contains("{\"version\":\"1.1.0\",\"patches\":[\"2-orders\",\"3-index\"]}");
  }

  @Test
  void withNothingToPullLocalChangesAreNoObstacleButEditedReleaseFilesAre() throws Exception {
    released.project().write("notes.txt", "a note on the production host\n");

    MavenRun.Result dirty = maven.run(released.dir(), ProductionChecks.target(db), "hop:update");

    assertThat(dirty.succeeded()).as(dirty.log()).isTrue();
    assertThat(dirty.info()).contains("No newer production release: the database is up to date");

    released.project().write("releases/1.0.0.txt", "# a release nobody made\n");
    MavenRun.Result edited = maven.run(released.dir(), ProductionChecks.target(db), "hop:update");

    assertThat(edited.exitCode()).isNotZero();
    assertThat(edited.log()).contains("Repository is not clean: cannot update with 2 uncommitted files")
        .contains("releases/1.0.0.txt").doesNotContain("Release 1.0.0");
  }

  @Test
  void withoutUrlItRefusesNamingHopUrl() throws Exception {
    MavenRun.Result result = maven.run(released.dir(), new java.util.Properties(), "hop:update");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.log()).contains("needs its JDBC URL: set hop.url");
  }
}
