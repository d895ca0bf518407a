package dev.hop.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayProjectTest {

  private static final History HISTORY = new HistoryGenerator(7).generate(new HistoryShape(2, 5, 2, true));

  @TempDir
  Path dir;

  @Test
  void onePerPatchConcatenatesItsFilesInHopsOrder() {
    List<FlywayProject.Migration> migrations = FlywayProject.migrations(HISTORY.patches(),
        FlywayProject.Layout.PER_PATCH);

    assertThat(migrations).hasSize(HISTORY.patches().size());
    Patch third = HISTORY.patches().get(2);
    assertThat(migrations.get(2).fileName()).isEqualTo("V3__" + third.id().replace('-', '_') + ".sql");
    assertThat(migrations).extracting(FlywayProject.Migration::sql)
        .containsExactlyElementsOf(HISTORY.patches().stream().map(Patch::sql).toList());
  }

  @Test
  void onePerFileKeepsEachFilesBytes() {
    List<FlywayProject.Migration> migrations = FlywayProject.migrations(HISTORY.patches(),
        FlywayProject.Layout.PER_FILE);

    List<SqlFile> files = HISTORY.patches().stream().flatMap(p -> p.files().stream()).toList();
    assertThat(migrations).extracting(FlywayProject.Migration::sql)
        .containsExactlyElementsOf(files.stream().map(SqlFile::sql).toList());
    Patch first = HISTORY.patches().get(0);
    assertThat(migrations.get(0).fileName()).isEqualTo("V1__" + first.id().replace('-', '_') + "_"
        + first.files().get(0).name().replace(".sql", "").replace('-', '_') + ".sql");
  }

  @Test
  void writesAPomWithPinnedVersionsAndTheMigrationsInVersionOrder() throws Exception {
    Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(dir.resolve("db/migration/V999__stale.sql"), "SELECT 1;\n");

    FlywayProject.write(dir, "p1-flyway", HISTORY.patches(), FlywayProject.Layout.PER_PATCH, "13.12.0", "42.7.14");

    String pom = Files.readString(dir.resolve("pom.xml")).replaceAll(">\\s+<", "><");
    assertThat(pom).contains("<artifactId>flyway-maven-plugin</artifactId><version>13.12.0</version>",
        "<artifactId>flyway-database-postgresql</artifactId><version>13.12.0</version>",
        "<artifactId>postgresql</artifactId><version>42.7.14</version>",
        "<location>filesystem:db/migration</location>", "<cleanDisabled>false</cleanDisabled>");
    assertThat(read(dir.resolve("db/migration")))
        .containsExactlyElementsOf(HISTORY.patches().stream().map(Patch::sql).toList());
  }

  /** The migrations' SQL in Flyway's order (by version number), as Flyway reads them from disk. */
  static List<String> read(Path migrations) throws Exception {
    try (Stream<Path> files = Files.list(migrations)) {
      return files.sorted(Comparator.comparingInt(FlywayProjectTest::version)).map(f -> {
        try {
          return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
