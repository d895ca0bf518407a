package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regenerates with the cache of {@code .hop/local/codegen.properties}: files that hold the user's code are parsed only
 * when their generated source or their bytes changed since the last run, and the user's code stays byte for byte
 * whatever the cache says.
 */
@WithPostgres
class CodeGeneratorCacheIT {

  private static final String USER_METHOD = """

          /** The user's own query. */
          public static List<Row> named(Connection c, String name) throws SQLException {
              return select(c, "name = ?", name);
          }
      """;
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir
  Path project;

  private TestDatabase database;
  private String schema;

  @BeforeEach
  void schema(TestDatabase database) throws Exception {
    this.database = database;
    this.schema = database.createSchema("cache");
    sql("CREATE TABLE %s.item (id int PRIMARY KEY, name text); CREATE TABLE %s.plain (id int PRIMARY KEY)");
  }

  @Test
  void aFileHoldingUserCodeIsParsedOnceThenKnownUpToDate() throws Exception {
    String edited = generateAndEdit();
    assertThat(generate().merged()).as("the first run after the edit parses it").containsExactly(item());
    assertThat(Files.readString(project.resolve(GenerationCache.FILE))).contains("format=2")
        .containsOnlyOnce("\n" + key(item()) + "=").containsOnlyOnce("\n" + key(classFile("Plain")) + "=");
    Files.setLastModifiedTime(item(), FileTime.from(LONG_AGO));

    CodegenResult cached = generate();

    assertThat(cached.merged()).as("the cached run parses nothing").isEmpty();
    assertThat(cached.written()).isEmpty();
    assertThat(cached.unchanged()).contains(item(), classFile("Plain"));
    assertThat(Files.readString(item())).isEqualTo(edited);
    assertThat(Files.getLastModifiedTime(item()).toInstant()).isEqualTo(LONG_AGO);

    Files.delete(project.resolve(GenerationCache.FILE));
    assertThat(generate().merged()).as("without the cache, the same file is parsed again").containsExactly(item());
  }

  @Test
  void aUserEditAfterACachedRunIsMergedAndKeptByteForByte() throws Exception {
    String edited = generateAndEdit();
    generate();
    generate();
    String again = edited.replace("\n    /** The user's own query. */", "\n    // a second thought\n"
        + "    /** The user's own query. */");
    Files.writeString(item(), again);

    CodegenResult result = generate();

    assertThat(result.merged()).containsExactly(item());
    assertThat(result.written()).isEmpty();
    assertThat(Files.readString(item())).isEqualTo(again);
    assertThat(generate().merged()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"invalid UTF-8", "not properties", "another generator", "another digest", "truncated"})
  void aCacheThatCannotBeTrustedFallsBackToTheFullMerge(String damage) throws Exception {
    String edited = generateAndEdit();
    generate();
    Path cache = project.resolve(GenerationCache.FILE);
    String text = Files.readString(cache);
    String key = key(item());
    switch (damage) {
      case "invalid UTF-8" -> Files.write(cache, new byte[] {'f', 'o', (byte) 0xC3, (byte) 0x28, '\n'});
      case "not properties" -> Files.writeString(cache, "\u0000\\u12 = = =\n[broken\n");
      case "another generator" -> Files.writeString(cache, text.replaceFirst("generator=.*", "generator=0.0.1 then"));
      case "another digest" -> Files.writeString(cache, text.replaceFirst("(" + key + "=[0-9a-f]{64} )[0-9a-f]",
          "$1x"));
      default -> Files.writeString(cache, text.substring(0, text.indexOf(key) + key.length() + 10));
    }

    CodegenResult result = generate();

    assertThat(result.merged()).containsExactly(item());
    assertThat(result.written()).isEmpty();
    assertThat(Files.readString(item())).isEqualTo(edited);
    assertThat(generate().merged()).as("the run rewrote a sound cache").isEmpty();
  }

  @Test
  void aColumnChangeRegeneratesAndTheMergedFileIsThenKnownUpToDate() throws Exception {
    generateAndEdit();
    generate();
    generate();

    sql("ALTER TABLE %s.item ADD COLUMN price numeric");
    CodegenResult changed = generate();

    String merged = Files.readString(item());
    assertThat(changed.written()).containsExactly(item());
    assertThat(changed.merged()).containsExactly(item());
    assertThat(merged).contains("public record Row(Integer id, String name, BigDecimal price)").contains(USER_METHOD);
    assertThat(generate().merged()).isEmpty();
    Files.delete(project.resolve(GenerationCache.FILE));
    CodegenResult uncached = generate();
    assertThat(uncached.merged()).containsExactly(item());
    assertThat(uncached.written()).as("what the cache skipped, the merge leaves as it is").isEmpty();
  }

  @Test
  void aDroppedRelationIsStillDeletedOrKeptByItsContent() throws Exception {
    generateAndEdit();
    generate();
    generate();

    sql("DROP TABLE %s.item, %s.plain");
    CodegenResult result = generate();

    assertThat(result.kept()).containsExactly(item());
    assertThat(result.deleted()).contains(classFile("Plain"));
    assertThat(item()).exists();
  }

  @Test
  void aClassHoldingOnlyHopsTextIsReplacedWithoutParsingWhenItsRelationChanges(@TempDir Path elsewhere)
      throws Exception {
    generate();
    sql("ALTER TABLE %s.item ADD COLUMN price numeric, DROP COLUMN name");

    CodegenResult changed = generate();

    assertThat(changed.written()).containsExactly(item());
    assertThat(changed.merged()).as("nothing of the user's to keep, so nothing parsed").isEmpty();
    try (Connection c = database.connect()) {
      new CodeGenerator(elsewhere, "app.db", e -> { }).generate(new SchemaReader().read(c));
    }
    assertThat(Files.readString(item())).as("the class as a first generation writes it")
        .isEqualTo(Files.readString(elsewhere.resolve(project.relativize(item()))))
        .contains("public record Row(Integer id, BigDecimal price)");
  }

  /** Generates, then adds a method of the user's to the item class; returns the edited text. */
  private String generateAndEdit() throws Exception {
    CodegenResult first = generate();
    assertThat(first.merged()).isEmpty();
    assertThat(project.resolve(GenerationCache.FILE)).as("every class is remembered, hop's own too").exists();
    String edited = Files.readString(item()).replaceFirst("\n}\n$", "\n" + USER_METHOD + "}\n");
    Files.writeString(item(), edited, StandardCharsets.UTF_8);
    return edited;
  }

  private CodegenResult generate() throws Exception {
    try (Connection c = database.connect()) {
      return new CodeGenerator(project, "app.db", e -> { }).generate(new SchemaReader().read(c));
    }
  }

  private String key(Path file) {
    return project.relativize(file).toString().replace('\\', '/');
  }

  private Path item() {
    return classFile("Item");
  }

  private Path classFile(String name) {
    return project.resolve("src/main/java/app/db/" + schema + "/" + name + ".java");
  }

  private void sql(String statement) throws Exception {
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute(statement.replace("%s", schema));
    }
  }
}
