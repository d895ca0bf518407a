package dev.hop.core.codegen;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL text of a relation's generated helpers: quoted column lists, placeholders, key conditions. */
final class RelationSql {

  private final Relation relation;
  private final List<JavaType> types;

  /** {@code types} are the Java types of {@code relation}'s columns, in column order. */
  RelationSql(Relation relation, List<JavaType> types) {
    this.relation = relation;
    this.types = types;
  }

  /** {@code "schema"."name"}. */
  String qualifiedName() {
    return Java17.sqlIdentifier(relation.schema()) + "." + Java17.sqlIdentifier(relation.name());
  }

  /** The quoted column names, comma-separated, in column order. */
  String columnList() {
    return relation.columns().stream().map(c -> Java17.sqlIdentifier(c.name())).collect(Collectors.joining(", "));
  }

  /** The parameter placeholder of column {@code index}: {@code ?}, or a cast when the value is bound as text. */
  String placeholder(int index) {
    Column column = relation.columns().get(index);
    return types.get(index).cast() ? "CAST(? AS " + column.castType() + ")" : "?";
  }

  /** {@code "a" = ?, "b" = CAST(? AS jsonb)} for the columns at {@code indexes}, joined by {@code separator}. */
  String assignments(List<Integer> indexes, String separator) {
    return indexes.stream()
        .map(i -> Java17.sqlIdentifier(relation.columns().get(i).name()) + " = " + placeholder(i))
        .collect(Collectors.joining(separator));
  }

  /** The indexes of the primary-key columns, in key order. */
  List<Integer> keyIndexes() {
    return relation.primaryKeyColumns().stream().map(relation.columns()::indexOf).toList();
  }

  /** The indexes of the other columns that can be written (not computed by the database), in column order. */
  List<Integer> otherIndexes() {
    List<Integer> keys = keyIndexes();
    return java.util.stream.IntStream.range(0, relation.columns().size()).boxed()
        .filter(i -> !keys.contains(i) && !relation.columns().get(i).generated()).toList();
  }

  /** Whether the database computes some column ({@link Column#generated()}), which insert then leaves out. */
  boolean hasGenerated() {
    return relation.columns().stream().anyMatch(Column::generated);
  }
}
