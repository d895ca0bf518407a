package dev.hop.bench.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays patches out as a Flyway project run through Maven: a pom with flyway-maven-plugin and its PostgreSQL support
 * (every plugin version pinned), and {@code db/migration/V<n>__<slug>.sql} in the order hop applies the patches.
 * Either one migration per patch (its files' SQL concatenated in hop's order: one transaction per patch on both
 * sides, as many migrations as patches) or one per SQL file (identical bytes per file).
 */
public final class FlywayProject {

  /** Where the migrations are, relative to the project. */
  public static final String MIGRATIONS = "db/migration";

  /** How hop's SQL files map to migrations. */
  public enum Layout {
    /** One migration per patch: the patch's files concatenated in the order hop runs them. */
    PER_PATCH,
    /** One migration per SQL file, identical bytes. */
    PER_FILE
  }

  /** One migration: its file name in {@value #MIGRATIONS} and its SQL. */
  public record Migration(String fileName, String sql) {
  }

  private FlywayProject() {
  }

  /** The migrations for {@code patches} (in the order given), versions 1, 2, 3 … */
  public static List<Migration> migrations(List<Patch> patches, Layout layout) {
    List<Migration> migrations = new ArrayList<>();
    for (Patch patch : patches) {
      String slug = patch.id().replace('-', '_');
      if (layout == Layout.PER_PATCH) {
        migrations.add(new Migration("V" + (migrations.size() + 1) + "__" + slug + ".sql", patch.sql()));
      } else {
        for (SqlFile file : patch.files()) {
          String stem = file.name().substring(0, file.name().length() - ".sql".length()).replace('-', '_');
          migrations.add(new Migration("V" + (migrations.size() + 1) + "__" + slug + "_" + stem + ".sql",
              file.sql()));
        }
      }
    }
    return List.copyOf(migrations);
  }

  /**
   * Writes {@code dir/pom.xml} and the migrations (an existing {@value #MIGRATIONS} folder is replaced).
   *
   * @param flywayVersion the version of flyway-maven-plugin and flyway-database-postgresql
   * @param driverVersion the version of org.postgresql:postgresql
   */
  public static void write(Path dir, String artifactId, List<Patch> patches, Layout layout, String flywayVersion,
      String driverVersion) throws IOException {
    Path migrations = dir.resolve(MIGRATIONS);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pom.xml"), pom(artifactId, flywayVersion, driverVersion), StandardCharsets.UTF_8);
    Workdirs.deleteTree(migrations);
    Files.createDirectories(migrations);
    for (Migration m : migrations(patches, layout)) {
      Files.writeString(migrations.resolve(m.fileName()), m.sql(), StandardCharsets.UTF_8);
    }
  }

  static String pom(String artifactId, String flywayVersion, String driverVersion) {
    return Poms.project("bench.flyway", artifactId, """
              <plugin>
                <groupId>org.flywaydb</groupId>
                <artifactId>flyway-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <locations>
                    <location>filesystem:%s</location>
                  </locations>
                  <cleanDisabled>false</cleanDisabled>
                </configuration>
                <dependencies>
                  <dependency>
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-database-postgresql</artifactId>
                    <version>%s</version>
                  </dependency>
                  <dependency>
                    <groupId>org.postgresql</groupId>
                    <artifactId>postgresql</artifactId>
                    <version>%s</version>
                  </dependency>
                </dependencies>
              </plugin>
        """.formatted(flywayVersion, MIGRATIONS, flywayVersion, driverVersion));
  }
}
