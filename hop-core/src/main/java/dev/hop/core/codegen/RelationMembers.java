package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes the source text of each generated member of one relation's class, in the order they appear. */
final class RelationMembers {

  private final Relation relation;
  private final List<JavaType> types;
  private final RelationSql sql;
  private final List<String> constants = new ArrayList<>();
  private final List<String> components = new ArrayList<>();

  RelationMembers(Relation relation, List<JavaType> types, RelationSql sql) {
    this.relation = relation;
    this.types = types;
    this.sql = sql;
    NameTable constantNames = new NameTable(Set.of("RELATION", "COLUMNS", "SELECT", "SQL_COLUMNS", "PLACEHOLDERS"));
    NameTable componentNames = new NameTable();
    for (Column column : relation.columns()) {
      constants.add(constantNames.claim(JavaNames.constantName(column.name())));
      components.add(componentNames.claim(JavaNames.memberName(column.name())));
    }
  }

  /** Every member, in file order. */
  List<GeneratedMember> all() {
    List<GeneratedMember> members = new ArrayList<>();
    members.add(GeneratedMember.field("RELATION", "The " + relation.kind().label() + " {@code "
        + text(relation.qualifiedName()) + "} as an SQL name" + relation.comment().map(c -> ": " + text(c)).orElse("."),
        "public static final String RELATION = " + Java17.literal(sql.qualifiedName()) + ";"));
    for (int i = 0; i < constants.size(); i++) {
      members.add(GeneratedMember.field(constants.get(i), describe(relation.columns().get(i)),
          "public static final String " + constants.get(i) + " = " + Java17.literal(relation.columns().get(i).name())
          + ";"));
    }
    members.add(GeneratedMember.field("COLUMNS", "The column names, in table order.",
        "public static final List<String> COLUMNS = List.of(" + String.join(", ", constants) + ");"));
    members.add(row());
    members.add(GeneratedMember.field("SELECT", "Selects every column, in table order.",
        "private static final String SELECT = " + Java17.literal("SELECT " + sql.columnList() + " FROM ")
        + " + RELATION;"));
    if (relation.kind().writable()) {
      members.addAll(new WriteMembers(relation, types, sql, components).all());
    }
    members.add(select());
    members.addAll(new HelperMembers(relation, types).all());
    return members;
  }

  private GeneratedMember row() {
    StringBuilder doc = new StringBuilder("One row of {@code " + text(relation.qualifiedName()) + "}.\n");
    for (int i = 0; i < components.size(); i++) {
      doc.append("\n@param ").append(components.get(i)).append(' ').append(describe(relation.columns().get(i)));
    }
    String parameters = IntStream.range(0, components.size())
        .mapToObj(i -> types.get(i).name() + " " + components.get(i)).collect(Collectors.joining(", "));
    return GeneratedMember.type("Row", doc.toString(), "public record Row(" + parameters + ") {\n}");
  }

  private GeneratedMember select() {
    return GeneratedMember.callable("select", List.of("Connection", "String", "Object..."),
        "The rows of {@code " + text(relation.qualifiedName()) + "} that match {@code where}.\n"
        + "\n@param where an SQL condition, with {@code ?} for each parameter; null or blank selects every row;"
        + " it may end with {@code ORDER BY}"
        + "\n@param parameters the values of the {@code ?}, in order, as JDBC binds them (an enum as its label)", """
        public static List<Row> select(Connection connection, String where, Object... parameters) throws SQLException {
            return query(connection, where == null || where.isBlank() ? SELECT : SELECT + " WHERE " + where, parameters);
        }""");
  }

  /** What a column is, for its constant's and its component's Javadoc. */
  static String describe(Column column) {
    StringBuilder out = new StringBuilder("Column {@code " + text(column.name()) + "}, {@code "
        + text(column.sqlType()) + (column.notNull() ? " NOT NULL" : "") + "}");
    column.defaultValue().ifPresent(d -> out.append(", default {@code ").append(text(d)).append('}'));
    out.append(column.comment().map(c -> ": " + text(c)).orElse("."));
    return out.toString();
  }

  static String text(String raw) {
    return Java17.javadocText(raw).replace("{", "&#123;").replace("}", "&#125;");
  }
}
