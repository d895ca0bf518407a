package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The digest of a relation's inputs changes with everything its class is generated from, and only depends on that.
 */
class GenerationInputsTest {

  private static final EnumType MOOD = new EnumType("shop", "mood", List.of("ok", "sad"), Optional.empty());

  @Test
  void theRecordsHaveNoComponentTheDigestLeavesOut() {
    // a new component is an input of the generated class: write it in GenerationInputs, then add it here
    assertThat(components(Relation.class))
        .containsExactly("schema", "name", "kind", "comment", "columns", "primaryKey", "foreignKeys");
    assertThat(components(Column.class))
        .containsExactly("name", "type", "sqlType", "castType", "notNull", "defaultValue", "comment", "generated");
    assertThat(components(PgType.class)).containsExactly("kind", "schema", "name", "element");
    assertThat(components(ForeignKey.class))
        .containsExactly("name", "columns", "targetSchema", "targetRelation", "targetColumns");
  }

  @Test
  void theSameInputsGiveTheSameDigest() {
    assertThat(digest(order(), "app.db")).isEqualTo(digest(order(), "app.db")).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void everyPartOfTheRelationChangesTheDigest() {
    List<UnaryOperator<Relation>> changes = List.of(
        r -> new Relation(r.schema() + "x", r.name(), r.kind(), r.comment(), r.columns(), r.primaryKey(),
            r.foreignKeys()),
        r -> new Relation(r.schema(), r.name() + "x", r.kind(), r.comment(), r.columns(), r.primaryKey(),
            r.foreignKeys()),
        r -> new Relation(r.schema(), r.name(), Relation.Kind.PARTITIONED_TABLE, r.comment(), r.columns(),
            r.primaryKey(), r.foreignKeys()),
        r -> new Relation(r.schema(), r.name(), r.kind(), Optional.empty(), r.columns(), r.primaryKey(),
            r.foreignKeys()),
        r -> new Relation(r.schema(), r.name(), r.kind(), Optional.of("Orders."), r.columns(), r.primaryKey(),
            r.foreignKeys()),
        r -> new Relation(r.schema(), r.name(), r.kind(), r.comment(), r.columns(), List.of(), r.foreignKeys()),
        r -> new Relation(r.schema(), r.name(), r.kind(), r.comment(), r.columns(), r.primaryKey(), List.of()),
        r -> new Relation(r.schema(), r.name(), r.kind(), r.comment(), r.columns().subList(0, 2), r.primaryKey(),
            r.foreignKeys()),
        r -> withColumn(r, c -> new Column(c.name() + "x", c.type(), c.sqlType(), c.castType(), c.notNull(),
            c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), PgType.builtIn("int8"), c.sqlType(), c.castType(), c.notNull(),
            c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), PgType.arrayOf(c.type()), c.sqlType(), c.castType(),
            c.notNull(), c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), PgType.enumType("shop", "mood"), c.sqlType(), c.castType(),
            c.notNull(), c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), "bigint", c.castType(), c.notNull(),
            c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), c.sqlType(), "bigint", c.notNull(),
            c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), c.sqlType(), c.castType(), !c.notNull(),
            c.defaultValue(), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), c.sqlType(), c.castType(), c.notNull(),
            c.defaultValue(), c.comment(), !c.generated())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), c.sqlType(), c.castType(), c.notNull(),
            Optional.of("0"), c.comment())),
        r -> withColumn(r, c -> new Column(c.name(), c.type(), c.sqlType(), c.castType(), c.notNull(),
            c.defaultValue(), Optional.of("Counted."))),
        r -> withKey(r, k -> new ForeignKey(k.name() + "x", k.columns(), k.targetSchema(), k.targetRelation(),
            k.targetColumns())),
        r -> withKey(r, k -> new ForeignKey(k.name(), List.of("id"), k.targetSchema(), k.targetRelation(),
            k.targetColumns())),
        r -> withKey(r, k -> new ForeignKey(k.name(), k.columns(), "other", k.targetRelation(), k.targetColumns())),
        r -> withKey(r, k -> new ForeignKey(k.name(), k.columns(), k.targetSchema(), "client", k.targetColumns())),
        r -> withKey(r, k -> new ForeignKey(k.name(), k.columns(), k.targetSchema(), k.targetRelation(),
            List.of("code"))));
    List<String> digests = new ArrayList<>(List.of(digest(order(), "app.db")));
    for (UnaryOperator<Relation> change : changes) {
      Relation changed = change.apply(order());
      assertThat(changed).isNotEqualTo(order());
      digests.add(digest(changed, "app.db"));
    }
    assertThat(digests).doesNotHaveDuplicates();
  }

  @Test
  void valuesAreDelimitedSoThatMovingTextBetweenThemChangesTheDigest() {
    Relation split = new Relation("shop", "order", Relation.Kind.TABLE, Optional.empty(), order().columns(),
        List.of("id", "customer"), List.of());
    Relation joined = new Relation("shop", "order", Relation.Kind.TABLE, Optional.empty(), order().columns(),
        List.of("idcustomer"), List.of());
    Relation moved = new Relation("sho", "porder", Relation.Kind.TABLE, Optional.empty(), order().columns(),
        List.of("id", "customer"), List.of());
    assertThat(List.of(digest(split, "app.db"), digest(joined, "app.db"), digest(moved, "app.db")))
        .doesNotHaveDuplicates();
  }

  @Test
  void aClassNameChangeAnywhereInTheModelChangesTheDigest() {
    Relation order = withColumn(order(), c -> new Column(c.name(), PgType.enumType("shop", "mood"), "shop.mood",
        "shop.mood", c.notNull(), c.defaultValue(), c.comment()));
    Relation other = new Relation("shop", "Order", Relation.Kind.TABLE, Optional.empty(),
        List.of(Models.column("id", "int4", true)), List.of(), List.of());
    Relation mood = new Relation("shop", "mood", Relation.Kind.TABLE, Optional.empty(),
        List.of(Models.column("id", "int4", true)), List.of(), List.of());
    SchemaModel base = new SchemaModel(List.of(order), List.of(MOOD));
    SchemaModel orderRenamed = new SchemaModel(List.of(order, other), List.of(MOOD));
    SchemaModel enumRenamed = new SchemaModel(List.of(order, mood), List.of(MOOD));
    assertThat(names(orderRenamed, "app.db").of(order).simpleName()).as("the clash renames order's class")
        .isEqualTo("Order_2");
    assertThat(names(enumRenamed, "app.db").ofEnum("shop", "mood").simpleName()).as("and here the enum's")
        .isEqualTo("Mood_2");

    assertThat(List.of(digest(base, order, "app.db"), digest(orderRenamed, order, "app.db"),
        digest(enumRenamed, order, "app.db"), digest(base, order, "com.example.db"))).doesNotHaveDuplicates();
  }

  /** {@code shop.order}: a key, a foreign key to {@code shop.customer}, a commented column and a default. */
  private static Relation order() {
    return new Relation("shop", "order", Relation.Kind.TABLE, Optional.of("What customers ordered."), List.of(
        Models.column("id", "int4", true),
        new Column("customer", PgType.builtIn("int4"), "integer", "integer", true, Optional.empty(),
            Optional.of("Who ordered.")),
        new Column("placed", PgType.builtIn("timestamptz"), "timestamp with time zone", "timestamptz", false,
            Optional.of("now()"), Optional.empty())),
        List.of("id"), List.of(new ForeignKey("order_customer_fkey", List.of("customer"), "shop", "customer",
            List.of("id"))));
  }

  /** {@code relation}'s digest in a model of it, {@code shop.customer} and the enum {@code shop.mood}. */
  private static String digest(Relation relation, String basePackage) {
    Relation customer = new Relation("shop", "customer", Relation.Kind.TABLE, Optional.empty(),
        List.of(Models.column("id", "int4", true)), List.of("id"), List.of());
    return digest(new SchemaModel(List.of(relation, customer), List.of(MOOD)), relation, basePackage);
  }

  private static String digest(SchemaModel model, Relation relation, String basePackage) {
    return new GenerationInputs(model, names(model, basePackage), basePackage).of(relation);
  }

  private static ClassNames names(SchemaModel model, String basePackage) {
    return new ClassNames(model, basePackage);
  }

  /** {@code r} with its {@code customer} column changed. */
  private static Relation withColumn(Relation r, UnaryOperator<Column> change) {
    List<Column> columns = new ArrayList<>(r.columns());
    columns.set(1, change.apply(columns.get(1)));
    return new Relation(r.schema(), r.name(), r.kind(), r.comment(), columns, r.primaryKey(), r.foreignKeys());
  }

  private static Relation withKey(Relation r, UnaryOperator<ForeignKey> change) {
    return new Relation(r.schema(), r.name(), r.kind(), r.comment(), r.columns(), r.primaryKey(),
        List.of(change.apply(r.foreignKeys().get(0))));
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
