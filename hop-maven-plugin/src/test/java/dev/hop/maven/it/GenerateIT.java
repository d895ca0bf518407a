package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn hop:generate}: the classes follow the development database as it is, user code kept. */
class GenerateIT {

  @TempDir
  Path root;

  private HopProject project;
  private MavenRun maven;
  private DevelopmentDatabaseFixture database;

  @BeforeEach
  void project() throws Exception {
    project = HopProject.create(root, "shop-db");
    maven = MavenRun.forThisBuild(root, project.gitEnvironment());
    database = new DevelopmentDatabaseFixture();
  }

  @AfterEach
  void dropDatabases() throws Exception {
    database.close();
  }

  @Test
  void followsAHandMadeChangeKeepsUserCodeAndThenWritesNothing() throws Exception {
    project.git("switch", "-q", "-c", "ho-patch/1-items");
    project.write("Patches/1-items/01-items.sql", "CREATE TABLE public.item (id integer PRIMARY KEY);\n");
    MavenRun.Result applied = maven.run(project.dir(), database.properties(), "hop:patch-apply");
    assertThat(applied.succeeded()).as(applied.log()).isTrue();
    Path item = project.dir().resolve("src/main/java/it/hop/db/public_/Item.java");
    String userMethod = "\n  // kept\n  public static String hello() {\n    return \"hi\";\n  }\n";
    String source = Files.readString(item);
    Files.writeString(item, source.substring(0, source.lastIndexOf('}')) + userMethod + "}\n");
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE public.item ADD COLUMN label text");
    }

    Properties json = database.properties();
    json.setProperty("hop.output", "json");
    MavenRun.Result first = maven.run(project.dir(), json, "hop:generate");
    MavenRun.Result second = maven.run(project.dir(), database.properties(), "hop:generate");

    assertThat(first.succeeded()).as(first.log()).isTrue();
    GoalDocument.assertDone(project.dir(), "generate");
    assertThat(first.info()).anyMatch(l -> l.matches("Code generated from " + database.name()
        + " into src/main/java/it/hop/db: written 1, unchanged \\d+, deleted 0, kept 0 \\(\\d+\\.\\d+ s\\)"));
    assertThat(Files.readString(item)).contains("String label").contains(userMethod);
    assertThat(second.info()).anyMatch(l -> l.contains(": written 0, unchanged "));
  }

  @Test
  void refusedWithTheNextCommandWhenTheDevelopmentDatabaseIsMissing() throws Exception {
    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:generate");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log()).contains("Cannot generate: the development database " + database.name()
        + " does not exist on ").contains("mvn hop:dev-db").contains("mvn hop:patch-apply")
        .doesNotContain("at dev.hop.");
  }
}
