package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hop.core.testing.MavenRun;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:adopt} as a user runs it on a project made by the archetype: the short properties, the dry run, the
 * adoption, its log lines and JSON document. hop-core's AdoptIT takes the public Pagila database through every case.
 */
class AdoptIT {

  @TempDir
  Path root;

  private TeamProject project;
  private MavenRun maven;
  private TestDatabase legacy;

  @BeforeEach
  void project() throws Exception {
    project = TeamProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    legacy = TestPostgres.get().createDatabase("adopt_it");
    try (Connection c = TestPostgres.get().connect(legacy.name()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE public.customer (id int PRIMARY KEY, name text NOT NULL)");
      s.execute("INSERT INTO public.customer VALUES (1, 'first customer')");
    }
  }

  @AfterEach
  void drop() {
    legacy.close();
  }

  @Test
  void aLiveDatabaseBecomesTheFirstRelease() throws Exception {
    Properties target = project.properties("hop.url", TestPostgres.get().jdbcUrl(legacy.name()), "version", "1.0.0");

    Properties dryRun = (Properties) target.clone();
    dryRun.setProperty("dryRun", "true");
    MavenRun.Result reviewed = maven.run(project.dir(), dryRun, "hop:adopt");

    assertThat(reviewed.succeeded()).as(reviewed.log()).isTrue();
    assertThat(reviewed.info()).anyMatch(l -> l.startsWith("Dry run: the files adopt would commit are written for"
        + " review: target/hop/adopt/schema-1.0.0.sql"));
    assertThat(project.gitOrigin("tag", "-l", "v*")).isEmpty();

    target.setProperty("hop.output", "json");
    MavenRun.Result adopted = maven.run(project.dir(), target, "hop:adopt");

    assertThat(adopted.succeeded()).as(adopted.log()).isTrue();
    assertThat(adopted.info()).contains("Adopted database " + legacy.name() + " as release 1.0.0 (tag v1.0.0 pushed"
        + " with ho-prod; release 1.0.0 recorded in " + legacy.name() + ")");
    JsonNode doc = GoalDocument.assertDone(project.dir(), "adopt");
    assertThat(doc.path("kind").asText()).isEqualTo("FIRST");
    assertThat(doc.path("version").asText()).isEqualTo("1.0.0");
    assertThat(project.gitOrigin("show", "ho-prod:model/schema-1.0.0.sql")).contains("CREATE TABLE public.customer");
    try (Connection c = TestPostgres.get().connect(legacy.name()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT major || '.' || minor || '.' || patch FROM"
            + " \"half_orm_meta.view\".hop_last_release) || ' ' || (SELECT name FROM public.customer)")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("1.0.0 first customer");
    }
  }
}
