package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerates after schema changes and user edits: the user's code stays byte for byte, hop's follows the schema. */
@WithPostgres
class CodeGeneratorRegenerationIT {

  private static final String USER_IMPORT = "import java.util.Map;\n";
  private static final String USER_FIELD = """
          /** The user's cache; hop must not touch it. */
          private static final Map<String, String> CACHE = new java.util.HashMap<>();
      """;
  private static final String USER_METHOD = """
          /**
           * Finds a cheap item -- the user's own query.
           */
          public static List<Row> cheap(Connection c) throws SQLException {
              // a comment inside, with odd   spacing
              return select(c, "price < ?", new java.math.BigDecimal("10"));
          }
      """;

  @TempDir
  Path project;
  @TempDir
  Path classes;

  private final List<HopEvent> events = new ArrayList<>();
  private TestDatabase database;
  private String schema;

  @BeforeEach
  void schema(TestDatabase database) {
    this.database = database;
    this.schema = database.createSchema("regen");
  }

  @Test
  void userCodeSurvivesTypeChangesAndDroppedColumnsByteForByte() throws Exception {
    sql("CREATE TABLE %s.item (id int PRIMARY KEY, price numeric, obsolete text)");
    generate();
    Path file = classFile("Item");
    String original = Files.readString(file);
    String edited = original.replace("import javax.annotation.processing.Generated;\n",
        "import javax.annotation.processing.Generated;\n" + USER_IMPORT)
        .replace("public final class Item {\n", "public final class Item {\n\n" + USER_FIELD)
        .replaceFirst("\n}\n$", "\n" + USER_METHOD + "}\n");
    Files.writeString(file, edited);

    sql("ALTER TABLE %s.item ALTER COLUMN price TYPE int8 USING price::int8, DROP COLUMN obsolete,"
        + " ADD COLUMN label text");
    CodegenResult second = generate();

    String merged = Files.readString(file);
    assertThat(second.written()).contains(file);
    assertThat(merged).contains(USER_IMPORT, USER_FIELD, USER_METHOD)
        .contains("public record Row(Integer id, Long price, String label)")
        .doesNotContain("OBSOLETE", "obsolete");
    assertThat(merged.substring(0, merged.indexOf("public final class")))
        .isEqualTo(edited.substring(0, edited.indexOf("public final class")));
    assertThat(merged.substring(merged.indexOf(USER_METHOD))).isEqualTo(USER_METHOD + "}\n");

    GeneratedSources.compile(classes, project.resolve("src/main/java"));
    assertThat(generate().written()).as("regenerating the merged file changes nothing").isEmpty();
  }

  @Test
  void anUnchangedSchemaWritesNothing() throws Exception {
    sql("CREATE TABLE %s.a (id int PRIMARY KEY); CREATE TABLE %s.b (x text)");
    assertThat(generate().written()).isNotEmpty();
    CodegenResult again = generate();
    assertThat(again.written()).isEmpty();
    assertThat(again.deleted()).isEmpty();
    assertThat(again.unchanged()).isNotEmpty();
  }

  @Test
  void aDroppedRelationIsDeletedUnlessItHoldsUserCode() throws Exception {
    sql("CREATE TABLE %s.plain (id int PRIMARY KEY); CREATE TABLE %s.mine (id int PRIMARY KEY)");
    generate();
    Path plain = classFile("Plain");
    Path mine = classFile("Mine");
    Path plainTest = project.resolve("src/test/java").resolve(project.resolve("src/main/java").relativize(plain)
        .toString().replace(".java", "Test.java"));
    assertThat(plainTest).exists();
    Files.writeString(mine, Files.readString(mine).replaceFirst("\n}\n$", "\n    int mine() {\n        return 1;\n    }\n}\n"));
    events.clear();

    sql("DROP TABLE %s.plain, %s.mine");
    CodegenResult result = generate();

    assertThat(plain).doesNotExist();
    assertThat(plainTest).doesNotExist();
    assertThat(result.deleted()).contains(plain, plainTest);
    assertThat(mine).exists();
    assertThat(result.kept()).containsExactly(mine);
    assertThat(events).filteredOn(e -> e.level() == HopEvent.Level.WARN)
        .anySatisfy(e -> assertThat(e.message()).contains(mine.toString(), "holds your code"));
  }

  private CodegenResult generate() throws Exception {
    try (Connection c = database.connect()) {
      return new CodeGenerator(project, "app.db", events::add).generate(new SchemaReader().read(c));
    }
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
