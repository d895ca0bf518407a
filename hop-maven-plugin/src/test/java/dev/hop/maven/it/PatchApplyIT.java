package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn hop:patch-apply} on a patch branch of a project whose release 0.1.0 has an RC patch (on ho-prod)
 * and a stage patch (on its archived branch, only on origin): real Git, real PostgreSQL.
 */
class PatchApplyIT {

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
    project.write("Patches/1-items/01-items.sql", "CREATE TABLE public.item (id integer PRIMARY KEY);\n");
    project.write("releases/0.1.0-rc1.txt", "1-items\n");
    project.commitAll("[ho] Promote 0.1.0-stage to 0.1.0-rc1");
    project.git("switch", "-q", "-c", "ho-release/0.1.0/2-item-name");
    project.write("Patches/2-item-name/01-name.sql", "ALTER TABLE public.item ADD COLUMN name text;\n");
    project.commitAll("2-item-name: item names");
    project.git("push", "-q", "origin", "ho-release/0.1.0/2-item-name");
    project.git("switch", "-q", "ho-prod");
    project.git("branch", "-q", "-D", "ho-release/0.1.0/2-item-name");
    project.write("releases/0.1.0-stage.txt", "2-item-name\n");
    project.commitAll("[ho] Add 2-item-name to release 0.1.0-stage");
    project.git("push", "-q", "origin", "ho-prod");
    project.git("switch", "-q", "-c", "ho-patch/3-orders");
  }

  @AfterEach
  void dropDatabases() throws Exception {
    database.close();
  }

  @Test
  void appliesRcThenStageThenThisPatchAndGeneratesCode() throws Exception {
    project.write("Patches/3-orders/01-orders.sql",
        "CREATE TABLE public.orders (id integer PRIMARY KEY, item integer REFERENCES public.item (id));\n");

    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:patch-apply");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(database.column("SELECT table_name || '.' || column_name FROM information_schema.columns"
        + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"))
        .containsExactly("item.id", "item.name", "orders.id", "orders.item");
    assertThat(database.column("SELECT release || ' ' || patch_id || ' ' || file FROM half_orm_meta.hop_applied_patch"
        + " ORDER BY id")).containsExactly("0.1.0-rc1 1-items 01-items.sql", "0.1.0-stage 2-item-name 01-name.sql",
            "ho-patch/3-orders 3-orders 01-orders.sql");
    assertThat(result.info()).anyMatch(l -> l.matches("Restore " + database.name()
            + " to production 0\\.0\\.0 \\(\\d+\\.\\d+ s\\)"))
        .anyMatch(l -> l.matches("Apply patch 1-items \\(0\\.1\\.0-rc1, from ho-prod\\) \\(\\d+\\.\\d+ s\\)"))
        .anyMatch(l -> l.matches("Apply patch 2-item-name \\(0\\.1\\.0-stage, from ho-release/0\\.1\\.0/2-item-name\\)"
            + " \\(\\d+\\.\\d+ s\\)"))
        .anyMatch(l -> l.matches("Apply patch 3-orders \\(ho-patch/3-orders, from working tree\\) \\(\\d+\\.\\d+ s\\)"))
        .anyMatch(l -> l.startsWith("Patch 3-orders applied on " + database.name()));
    assertThat(javaFiles(project.dir().resolve("src/main/java/it/hop/db")))
        .anyMatch(p -> p.endsWith("Item.java")).anyMatch(p -> p.endsWith("Orders.java"));
  }

  @Test
  void onceTheTemplateExistsTheCopyIsMadeAheadAndRenamedIntoPlace() throws Exception {
    project.write("Patches/3-orders/01-orders.sql", "CREATE TABLE public.orders (id integer PRIMARY KEY);\n");
    assertThat(maven.run(project.dir(), database.properties(), "hop:patch-apply").succeeded()).isTrue();
    project.write("Patches/3-orders/01-orders.sql", "CREATE TABLE public.orders (ref text PRIMARY KEY);\n");

    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:patch-apply");

    assertThat(result.succeeded()).as(result.log()).isTrue();
    assertThat(result.info()).anyMatch(l -> l.matches("Restored " + database.name()
        + " to production 0\\.0\\.0 in \\d+\\.\\d+ s \\(copied from the template ahead\\)"));
    assertThat(database.column("SELECT table_name || '.' || column_name FROM information_schema.columns"
        + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"))
        .containsExactly("item.id", "item.name", "orders.ref");
    assertThat(databases()).contains(database.name()).doesNotContain(database.name() + "__hop_next");
  }

  @Test
  void aGoalRefusedAfterTheCopyWasMadeAheadDropsItAndLeavesTheDatabaseAsItWas() throws Exception {
    project.write("Patches/3-orders/01-orders.sql", "CREATE TABLE public.orders (id integer PRIMARY KEY);\n");
    assertThat(maven.run(project.dir(), database.properties(), "hop:patch-apply").succeeded()).isTrue();
    project.git("switch", "-q", "ho-prod");

    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:patch-apply");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log()).contains("Must be on ho-patch/* branch");
    assertThat(databases()).contains(database.name()).doesNotContain(database.name() + "__hop_next");
    assertThat(database.column("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        + " ORDER BY 1")).containsExactly("item", "orders");
  }

  @Test
  void aScriptErrorNamesFileLineAndColumnAndKeepsThePatchesBeforeIt() throws Exception {
    project.write("Patches/3-orders/01-orders.sql", "CREATE TABLE public.orders (id integer PRIMARY KEY);\n");
    project.write("Patches/3-orders/02-index.sql", "-- an index\nCREATE INDEX ON public.orders (no_such_column);\n");

    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:patch-apply");

    assertThat(result.exitCode()).as(result.log()).isEqualTo(1);
    assertThat(result.log())
        .contains("Patch 3-orders failed: Patches/3-orders/02-index.sql:2:")
        .contains("column \"no_such_column\" does not exist")
        .contains("The development database " + database.name() + " holds production 0.0.0 plus 1-items, 2-item-name;"
            + " nothing of 3-orders was kept")
        .contains("mvn hop:patch-apply")
        .doesNotContain("at dev.hop.");
    assertThat(database.column("SELECT table_name || '.' || column_name FROM information_schema.columns"
        + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"))
        .containsExactly("item.id", "item.name");
    assertThat(database.column("SELECT DISTINCT patch_id FROM half_orm_meta.hop_applied_patch ORDER BY 1"))
        .containsExactly("1-items", "2-item-name");
  }

  @Test
  void refusedOffAPatchBranch() throws Exception {
    project.git("switch", "-q", "ho-prod");

    MavenRun.Result result = maven.run(project.dir(), database.properties(), "hop:patch-apply");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.log()).contains("Must be on ho-patch/* branch: patch-apply works on the patch of the current"
        + " branch, which is ho-prod").contains("mvn hop:patch-new -Did=<id>");
  }

  private List<String> databases() throws Exception {
    // never closed: closing a fixture drops the databases its name starts
    return DevelopmentDatabaseFixture.named("postgres").column("SELECT datname FROM pg_database");
  }

  private static List<Path> javaFiles(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
