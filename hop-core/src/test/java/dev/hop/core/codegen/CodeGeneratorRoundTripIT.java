package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGInterval;

/**
 * Generates code for a schema with every mapped type and awkward names, compiles it, and runs its helpers against
 * the database through reflection.
 */
@WithPostgres
class CodeGeneratorRoundTripIT {

  private static final String BASE = "com.example.db";

  @TempDir
  static Path project;
  @TempDir
  static Path classes;

  private static final List<HopEvent> events = new ArrayList<>();
  private static CodegenResult result;
  private static SchemaModel model;
  private static URLClassLoader loader;

  @BeforeAll
  static void generateAndCompile(TestDatabase database) throws Exception {
    String sql = new String(CodeGeneratorRoundTripIT.class.getResourceAsStream("/codegen/schema.sql")
        .readAllBytes(), StandardCharsets.UTF_8);
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
      model = new SchemaReader().read(c);
    }
    result = new CodeGenerator(project, BASE, events::add).generate(model);
    loader = GeneratedSources.compile(classes, project.resolve("src/main/java"), project.resolve("src/test/java"));
  }

  @Test
  void readsUserRelationsOnlyWithTheirFacts() {
    assertThat(model.relations()).extracting(Relation::qualifiedName).containsExactly("Odd Schema.2fa",
        "Odd Schema.User Name", "shop.all_types", "shop.big_orders", "shop.event_log", "shop.modded",
        "shop.mood_counts", "shop.order", "shop.order_line", "shop.partitioned");
    Relation line = model.relation("shop", "order_line");
    assertThat(line.primaryKey()).containsExactly("line", "order_id");
    assertThat(line.foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.columns()).containsExactly("order_id");
      assertThat(fk.target()).isEqualTo("shop.order(id)");
    });
    Relation all = model.relation("shop", "all_types");
    assertThat(all.comment()).contains("Every mapped type.");
    assertThat(column(all, "note").comment()).contains("Free text.");
    assertThat(column(all, "positive").type()).isEqualTo(PgType.builtIn("int4"));
    assertThat(column(all, "positive").sqlType()).isEqualTo("shop.positive_int");
    assertThat(column(all, "numbers").type()).isEqualTo(PgType.arrayOf(PgType.builtIn("int4")));
    assertThat(column(all, "moods").type()).isEqualTo(PgType.arrayOf(PgType.enumType("shop", "mood")));
    assertThat(column(all, "id").defaultValue()).hasValueSatisfying(d -> assertThat(d).startsWith("nextval("));
    assertThat(column(all, "id").notNull()).isTrue();
    assertThat(model.relation("shop", "mood_counts").kind()).isEqualTo(Relation.Kind.MATERIALIZED_VIEW);
    assertThat(model.relation("shop", "partitioned").kind()).isEqualTo(Relation.Kind.PARTITIONED_TABLE);
    assertThat(model.enums()).singleElement().satisfies(e -> {
      assertThat(e.labels()).containsExactly("sad", "ok", "happy", "in progress");
      assertThat(e.comment()).contains("How it feels.");
    });
  }

  @Test
  void writesOneClassPerRelationAndEnumWithSafeNamesAndOneTestEach() {
    Path main = project.resolve("src/main/java/com/example/db");
    assertThat(main.resolve("shop")).isDirectoryContaining(p -> p.endsWith("Order.java"))
        .isDirectoryContaining(p -> p.endsWith("OrderLine.java")).isDirectoryContaining(p -> p.endsWith("Mood.java"))
        .isDirectoryContaining(p -> p.endsWith("MoodCounts.java"));
    assertThat(main.resolve("odd_schema/UserName.java")).exists();
    assertThat(main.resolve("odd_schema/_2fa.java")).exists();
    assertThat(project.resolve("src/test/java/com/example/db/shop/AllTypesTest.java")).exists();
    assertThat(result.written()).hasSize(10 + 1 + 10);
    assertThat(result.unknownColumns()).containsExactly("shop.all_types.address inet", "shop.modded.bits bit(3)",
        "shop.modded.varbits bit varying(5)", "shop.modded.span interval day to second(1)",
        "shop.modded.bit_list bit(3)[]", "shop.modded.flags shop.flags");
    assertThat(events).filteredOn(e -> e.level() == HopEvent.Level.WARN).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("shop.all_types.address inet"));
  }

  @Test
  void everyMappedTypeRoundTripsThroughInsertFindUpdateSelectDelete(TestDatabase database) throws Exception {
    Class<?> table = load("shop.AllTypes");
    Class<?> mood = load("shop.Mood");
    Object happy = mood.getMethod("fromLabel", String.class).invoke(null, "happy");
    Object inProgress = mood.getMethod("fromLabel", String.class).invoke(null, "in progress");
    assertThat(happy.toString()).isEqualTo("HAPPY");
    assertThat(inProgress.toString()).isEqualTo("IN_PROGRESS");
    Object full = row(table, null, (short) 7, 42, 1L << 40, new BigDecimal("12.345"), 1.5f, 2.25d, true, "note",
        "code", "abc", LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), LocalTime.of(13, 14, 15),
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new byte[] {0, 1, (byte) 255}, "{\"a\": 1}",
        "{\"b\": [1, 2]}", Arrays.asList(1, null, 3), List.of("x", "y z"), happy, Arrays.asList(inProgress, null),
        5, null);
    try (Connection c = database.connect()) {
      Object inserted = invoke(table, "insert", c, full);
      Object id = component(inserted, "id");
      assertThat(id).isInstanceOf(Integer.class);
      assertSameValues(inserted, full, "id");
      assertThat(((Optional<?>) invoke(table, "find", c, id))).hasValueSatisfying(r -> assertSameValues(r, full, "id"));

      Object empty = row(table, new Object[25]);
      Object defaults = invoke(table, "insert", c, empty);
      assertThat(component(defaults, "id")).isNotNull().isNotEqualTo(id);
      assertSameValues(defaults, empty, "id");

      Object changed = row(table, id, (short) -1, null, 0L, new BigDecimal("0.001"), null, null, false, "ünïcode ✓",
          null, null, null, null, OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC), null, null,
          new byte[0], null, null, List.of(), null, mood.getEnumConstants()[0], null, null, null);
      assertThat(invoke(table, "update", c, changed)).isEqualTo(true);
      assertThat(((Optional<?>) invoke(table, "find", c, id))).hasValueSatisfying(r -> assertSameValues(r, changed));

      List<?> selected = (List<?>) invoke(table, "select", c, "\"mood\" = CAST(? AS shop.mood) OR id = ?",
          new Object[] {"sad", -1});
      assertThat(selected).singleElement().satisfies(r -> assertSameValues(r, changed));
      assertThat((List<?>) invoke(table, "select", c, null, new Object[0])).hasSize(2);
      assertThat(invoke(table, "delete", c, id)).isEqualTo(true);
      assertThat(invoke(table, "delete", c, id)).isEqualTo(false);
      assertThat(((Optional<?>) invoke(table, "find", c, id))).isEmpty();
    }
  }

  @Test
  void typeModifiersAndGeneratedColumnsRoundTrip(TestDatabase database) throws Exception {
    Class<?> table = load("shop.Modded");
    PGInterval span = new PGInterval("1 day 02:03:04.5");
    Object full = row(table, null, "101", "10101", "abcd", "abcde", new BigDecimal("1234.56"),
        LocalTime.of(13, 14, 15, 120_000_000), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), span,
        "{101,110}", List.of("ab", "cd"), List.of(new BigDecimal("1.5"), new BigDecimal("2.0")), "011",
        new BigDecimal("1.00"));
    try (Connection c = database.connect()) {
      Object inserted = invoke(table, "insert", c, full);
      Object id = component(inserted, "id");
      assertThat(id).as("GENERATED ALWAYS AS IDENTITY: computed").isInstanceOf(Integer.class);
      assertThat(component(inserted, "total")).as("GENERATED ALWAYS AS STORED: computed, the row's value not written")
          .isEqualTo(new BigDecimal("2469.12"));
      assertSameTexts(inserted, full, "id", "total");

      Object found = ((Optional<?>) invoke(table, "find", c, id)).orElseThrow();
      Object changed = row(table, id, "111", "1", "wxyz", "vw", new BigDecimal("0.50"), LocalTime.of(1, 2, 3, 40_000_000),
          LocalDateTime.of(2025, 5, 6, 7, 8, 9, 5_000_000), new PGInterval("00:00:01.5"), "{000}", List.of("zz"),
          List.of(new BigDecimal("9.9")), "100", component(found, "total"));
      assertThat(invoke(table, "update", c, changed)).as("an update that carries the computed value").isEqualTo(true);
      Object updated = ((Optional<?>) invoke(table, "find", c, id)).orElseThrow();
      assertSameTexts(updated, changed, "total");
      assertThat(component(updated, "total")).isEqualTo(new BigDecimal("1.00"));
      assertThat((List<?>) invoke(table, "select", c, "bits = CAST(? AS bit(3))", new Object[] {"111"})).hasSize(1);
      assertThat(invoke(table, "delete", c, id)).isEqualTo(true);
    }
  }

  /** Component by component through their text (PGobject, PgArray), {@code except} components skipped. */
  private static void assertSameTexts(Object actual, Object expected, String... except) {
    for (RecordComponent rc : actual.getClass().getRecordComponents()) {
      if (!Arrays.asList(except).contains(rc.getName())) {
        assertThat(String.valueOf(component(actual, rc.getName()))).as(rc.getName())
            .isEqualTo(String.valueOf(component(expected, rc.getName())));
      }
    }
  }

  @Test
  void awkwardNamesCompositeKeysViewsAndTablesWithoutKeyGetTheRightHelpers(TestDatabase database) throws Exception {
    Class<?> order = load("shop.Order");
    Class<?> line = load("shop.OrderLine");
    assertThat(order.getField("CLASS").get(null)).isEqualTo("class");
    assertThat(order.getField("_2FA").get(null)).isEqualTo("2fa");
    assertThat(order.getField("USER_NAME").get(null)).isEqualTo("User Name");
    assertThat(order.getField("MIXED_CASE").get(null)).isEqualTo("mixedCase");
    assertThat(order.getField("RELATION").get(null)).isEqualTo("\"shop\".\"order\"");
    assertThat(recordOf(order).getRecordComponents()).extracting(RecordComponent::getName)
        .containsExactly("id", "class_", "_2fa", "userName", "mixedCase");
    try (Connection c = database.connect()) {
      invoke(order, "insert", c, row(order, 101, "first", true, "Ann", 3));
      Object lineRow = invoke(line, "insert", c, row(line, 101, 1, null));
      assertThat(component(lineRow, "qty")).isEqualTo(1);
      assertThat((Optional<?>) invoke(line, "find", c, 1, 101)).isPresent();
      assertThat(invoke(line, "delete", c, 1, 101)).isEqualTo(true);

      Class<?> view = load("shop.BigOrders");
      assertThat(names(view)).contains("select").doesNotContain("insert", "find", "update", "delete");
      assertThat((List<?>) invoke(view, "select", c, "id = ?", new Object[] {101})).singleElement()
          .satisfies(r -> assertThat(component(r, "userName")).isEqualTo("Ann"));
      assertThat(names(load("shop.MoodCounts"))).contains("select").doesNotContain("insert", "delete");
      Class<?> log = load("shop.EventLog");
      assertThat(names(log)).contains("insert", "select").doesNotContain("find", "update", "delete");
      Object logged = invoke(log, "insert", c, row(log, null, "hello"));
      assertThat(component(logged, "happened")).isInstanceOf(OffsetDateTime.class);
      assertThat(names(load("odd_schema.UserName"))).contains("insert", "find", "update", "delete");
      assertThat(names(load("odd_schema._2fa"))).contains("insert", "find", "delete").doesNotContain("update");
    }
  }

  @Test
  void theGeneratedTestPassesAgainstTheDatabase(TestDatabase database) throws Exception {
    Class<?> test = load("shop.AllTypesTest");
    Method check = test.getDeclaredMethod("relationHasTheGeneratedColumns");
    check.setAccessible(true);
    var constructor = test.getDeclaredConstructor();
    constructor.setAccessible(true);
    System.setProperty("hop.url", database.jdbcUrl());
    System.setProperty("hop.user", database.user());
    if (database.password() != null) {
      System.setProperty("hop.password", database.password());
    }
    try {
      check.invoke(constructor.newInstance());
    } finally {
      System.clearProperty("hop.url");
      System.clearProperty("hop.user");
      System.clearProperty("hop.password");
    }
  }

  @Test
  void sameSchemaGivesSameBytes() throws Exception {
    Path again = Files.createTempDirectory(classes, "again");
    new CodeGenerator(again, BASE, e -> { }).generate(model);
    for (Path written : result.written()) {
      Path twin = again.resolve(project.relativize(written));
      assertThat(Files.readAllBytes(twin)).as(twin.toString()).isEqualTo(Files.readAllBytes(written));
    }
  }

  private static Column column(Relation relation, String name) {
    return relation.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    return loader.loadClass(BASE + "." + name);
  }

  private static Class<?> recordOf(Class<?> relation) throws ClassNotFoundException {
    return loader.loadClass(relation.getName() + "$Row");
  }

  private static Object row(Class<?> relation, Object... values) throws Exception {
    return recordOf(relation).getDeclaredConstructors()[0].newInstance(values);
  }

  private static Object invoke(Class<?> relation, String name, Object... arguments) throws Exception {
    for (Method method : relation.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(null, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    throw new AssertionError("no method " + name + " in " + relation);
  }

  private static List<String> names(Class<?> relation) {
    return Arrays.stream(relation.getMethods()).map(Method::getName).toList();
  }

  private static Object component(Object row, String name) {
    try {
      return row.getClass().getMethod(name).invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Component by component: byte arrays by content, instants by instant; {@code except} components skipped. */
  private static void assertSameValues(Object actual, Object expected, String... except) {
    for (RecordComponent rc : actual.getClass().getRecordComponents()) {
      if (Arrays.asList(except).contains(rc.getName())) {
        continue;
      }
      Object a = component(actual, rc.getName());
      Object e = component(expected, rc.getName());
      if (a instanceof byte[] bytes) {
        assertThat(bytes).as(rc.getName()).isEqualTo(e);
      } else if (a instanceof OffsetDateTime time && e != null) {
        assertThat(time.toInstant()).as(rc.getName()).isEqualTo(((OffsetDateTime) e).toInstant());
      } else {
        assertThat(a).as(rc.getName()).isEqualTo(e);
      }
    }
  }
}
