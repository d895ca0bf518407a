package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skips generating the class of a relation whose inputs and file are as the last run left them: a run over an
 * unchanged schema generates nothing, and whatever changed (a type, a comment, a foreign key, a class name, the file)
 * is generated again, to exactly the files a run without the cache writes.
 */
@WithPostgres
class CodeGeneratorSkipIT {

  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir
  Path project;
  @TempDir
  Path elsewhere;

  private TestDatabase database;
  private String schema;
  /** The classes of this test's schema that the last run generated. */
  private List<Path> generated;

  @BeforeEach
  void schema(TestDatabase database) throws Exception {
    this.database = database;
    this.schema = database.createSchema("skip");
    sql("CREATE TYPE %s.mood AS ENUM ('ok', 'sad');"
        + " CREATE TABLE %s.customer (id int PRIMARY KEY, name text, mood %s.mood);"
        + " CREATE TABLE %s.item (id int PRIMARY KEY, name text, mood %s.mood);"
        + " CREATE DOMAIN %s.amount AS int;"
        + " CREATE TABLE %s.line (id int PRIMARY KEY, item int REFERENCES %s.item (id), amount %s.amount)");
  }

  @Test
  void aSecondRunOverTheSameSchemaGeneratesNothingAndTouchesNoFile() throws Exception {
    CodegenResult first = generate();
    assertThat(generated).containsExactlyInAnyOrder(classFile("Customer"), classFile("Item"), classFile("Line"));
    assertThat(mine(first.written())).as("three classes and an enum").hasSize(4);
    Files.setLastModifiedTime(classFile("Item"), FileTime.from(LONG_AGO));

    CodegenResult second = generate();

    assertThat(generated).as("every class known unchanged").isEmpty();
    assertThat(second.written()).isEmpty();
    assertThat(mine(second.unchanged())).containsExactlyInAnyOrder(classFile("Customer"), classFile("Item"),
        classFile("Line"), classFile("Mood"));
    assertThat(Files.getLastModifiedTime(classFile("Item")).toInstant()).isEqualTo(LONG_AGO);
  }

  @Test
  void aChangedColumnTypeRegeneratesItsClassOnly() throws Exception {
    generate();
    // the column's declared type stays the domain: only the type it resolves to changes
    sql("ALTER TABLE %s.line ALTER COLUMN amount TYPE int; DROP DOMAIN %s.amount;"
        + " CREATE DOMAIN %s.amount AS bigint; ALTER TABLE %s.line ALTER COLUMN amount TYPE %s.amount");

    CodegenResult changed = generate();

    assertThat(generated).containsExactly(classFile("Line"));
    assertThat(changed.written()).containsExactly(classFile("Line"));
    assertThat(Files.readString(classFile("Line"))).contains("Long amount");
  }

  @Test
  void aChangedCommentRegeneratesItsClassOnly() throws Exception {
    generate();
    sql("COMMENT ON COLUMN %s.customer.name IS 'How the customer is greeted.'");

    CodegenResult changed = generate();

    assertThat(generated).containsExactly(classFile("Customer"));
    assertThat(changed.written()).containsExactly(classFile("Customer"));
    assertThat(Files.readString(classFile("Customer"))).contains("How the customer is greeted.");
  }

  @Test
  void aChangedForeignKeyTargetRegeneratesItsClass() throws Exception {
    generate();
    sql("ALTER TABLE %s.line DROP CONSTRAINT line_item_fkey,"
        + " ADD CONSTRAINT line_item_fkey FOREIGN KEY (item) REFERENCES %s.customer (id)");

    generate();

    // today's class does not show its foreign keys: what matters is that it is generated again, should it one day
    assertThat(generated).containsExactly(classFile("Line"));
  }

  @Test
  void aNewNameClashRegeneratesTheClassesItRenamesAndThoseReferringToThem() throws Exception {
    generate();
    // "Item" sorts before "item", so takes the class Item and item's becomes Item_2; the same for the enums
    sql("CREATE TABLE %s.\"Item\" (id int); CREATE TYPE %s.\"Mood\" AS ENUM ('x');"
        + " CREATE TABLE %s.extra (id int, mood %s.\"Mood\")");

    CodegenResult changed = generate();

    assertThat(generated).as("a class name changed: every class is generated").containsExactlyInAnyOrder(
        classFile("Item"), classFile("Item_2"), classFile("Customer"), classFile("Line"), classFile("Extra"));
    assertThat(Files.readString(classFile("Item_2"))).contains("public final class Item_2").contains("Mood_2 mood");
    assertThat(Files.readString(classFile("Customer"))).as("its own name unchanged, its enum's renamed")
        .contains("Mood_2 mood");
    assertThat(Files.readString(classFile("Item"))).contains("{@code " + schema + ".Item}");
    assertThat(changed.written()).contains(classFile("Item"), classFile("Item_2"), classFile("Mood"),
        classFile("Mood_2"), classFile("Extra"));
  }

  @Test
  void aFileEditedOrResetSinceTheLastRunIsGeneratedAgain() throws Exception {
    generate();
    String older = Files.readString(classFile("Line"));
    sql("ALTER TABLE %s.line ADD COLUMN note text");
    generate();
    // as git reset --hard to the commit before the column does
    Files.writeString(classFile("Line"), older);
    // a user's own method added to a class nobody had edited
    String edited = Files.readString(classFile("Customer")).replaceFirst("\n}\n$",
        "\n\n    public static String greeting() {\n        return \"hi\";\n    }\n}\n");
    Files.writeString(classFile("Customer"), edited);

    CodegenResult result = generate();

    assertThat(generated).containsExactlyInAnyOrder(classFile("Line"), classFile("Customer"));
    assertThat(result.written()).containsExactly(classFile("Line"));
    assertThat(Files.readString(classFile("Line"))).contains("String note");
    assertThat(result.merged()).containsExactly(classFile("Customer"));
    assertThat(Files.readString(classFile("Customer"))).isEqualTo(edited);

    generate();
    assertThat(generated).as("the user's file, once merged, is known unchanged").isEmpty();
  }

  @Test
  void aClassHoldingUserCodeRegeneratedAfterARenameElsewhereIsNotParsed() throws Exception {
    generate();
    String edited = Files.readString(classFile("Customer")).replaceFirst("\n}\n$",
        "\n\n    public static String greeting() {\n        return \"hi\";\n    }\n}\n");
    Files.writeString(classFile("Customer"), edited);
    assertThat(generate().merged()).containsExactly(classFile("Customer"));
    sql("CREATE TABLE %s.other (id int)");

    CodegenResult result = generate();

    assertThat(generated).as("every class: a class name was added").hasSize(4).contains(classFile("Customer"));
    assertThat(result.merged()).as("the same source as the last run's, so the same merge").isEmpty();
    assertThat(Files.readString(classFile("Customer"))).isEqualTo(edited);
  }

  @Test
  void aDeletedClassOrTestIsWrittenAgain() throws Exception {
    generate();
    Files.delete(classFile("Item"));
    Files.delete(project.resolve("src/test/java/app/db/" + schema + "/CustomerTest.java"));

    CodegenResult result = generate();

    assertThat(generated).containsExactly(classFile("Item"));
    assertThat(result.written()).containsExactlyInAnyOrder(classFile("Item"),
        project.resolve("src/test/java/app/db/" + schema + "/CustomerTest.java"));
  }

  @Test
  void aCorruptCacheGeneratesEverything() throws Exception {
    generate();
    Path cache = project.resolve(GenerationCache.FILE);
    Files.writeString(cache, Files.readString(cache).replaceAll("=([0-9a-f]{63})[0-9a-f] ", "=$1g "));

    CodegenResult result = generate();

    assertThat(generated).hasSize(3);
    assertThat(result.written()).isEmpty();
    assertThat(mine(result.unchanged())).hasSize(4);
    generate();
    assertThat(generated).as("the run rewrote a sound cache").isEmpty();
  }

  /**
   * Generates into the project, and into a copy of the project as it was, without the cache: both runs must count the
   * same and leave the same files, whatever the cache skipped.
   */
  private CodegenResult generate() throws Exception {
    delete(elsewhere);
    copy(project.resolve("src"), elsewhere.resolve("src"));
    CodegenResult result;
    CodegenResult uncached;
    try (Connection c = database.connect()) {
      SchemaModel model = new SchemaReader().read(c);
      CodeGenerator generator = new CodeGenerator(project, "app.db", e -> { });
      result = generator.generate(model);
      generated = mine(generator.generatedClasses());
      uncached = new CodeGenerator(elsewhere, "app.db", e -> { }).generate(model);
    }
    assertThat(result.summary()).isEqualTo(uncached.summary());
    assertThat(relative(project, result.written())).isEqualTo(relative(elsewhere, uncached.written()));
    assertThat(relative(project, result.deleted())).isEqualTo(relative(elsewhere, uncached.deleted()));
    assertThat(files(project.resolve("src"))).as("the same files as a run without the cache")
        .isEqualTo(files(elsewhere.resolve("src")));
    return result;
  }

  /** The files of {@code paths} that belong to this test's schema (the database holds other tests' too). */
  private List<Path> mine(List<Path> paths) {
    Path folder = classFile("X").getParent();
    return paths.stream().filter(p -> p.getParent().equals(folder)).toList();
  }

  private static List<String> relative(Path root, List<Path> paths) {
    return paths.stream().map(p -> root.relativize(p).toString()).sorted().toList();
  }

  /** Each file below {@code root}: its relative path and its content. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return files;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(folder)) {
          Files.delete(path);
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
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
