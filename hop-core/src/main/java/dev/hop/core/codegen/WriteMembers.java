package dev.hop.core.codegen;

import static dev.hop.core.codegen.RelationMembers.text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes the source of a table's insert, find, update and delete helpers (find, update, delete need a primary key). */
final class WriteMembers {

  private static final List<String> CONNECTION_ROW = List.of("Connection", "Row");

  private final Relation relation;
  private final List<JavaType> types;
  private final RelationSql sql;
  private final List<String> components;

  WriteMembers(Relation relation, List<JavaType> types, RelationSql sql, List<String> components) {
    this.relation = relation;
    this.types = types;
    this.sql = sql;
    this.components = components;
  }

  List<GeneratedMember> all() {
    List<GeneratedMember> members = new ArrayList<>();
    members.add(GeneratedMember.field("SQL_COLUMNS", "The quoted column names, in table order.",
        "private static final String[] SQL_COLUMNS = " + quoted(i -> Java17.sqlIdentifier(column(i))) + ";"));
    members.add(GeneratedMember.field("PLACEHOLDERS", "The parameter placeholder of each column, in table order.",
        "private static final String[] PLACEHOLDERS = " + quoted(sql::placeholder) + ";"));
    if (sql.hasGenerated()) {
      members.add(GeneratedMember.field("GENERATED", "Whether the database computes each column (read, never"
          + " written), in table order.", "private static final boolean[] GENERATED = " + GeneratedMember.braces(
          relation.columns().stream().map(c -> String.valueOf(c.generated())).toList()) + ";"));
    }
    members.add(insert());
    if (relation.hasPrimaryKey()) {
      members.add(find());
      if (!sql.otherIndexes().isEmpty()) {
        members.add(update());
      }
      members.add(delete());
    }
    members.add(jdbcValues());
    return members;
  }

  private GeneratedMember insert() {
    return GeneratedMember.callable("insert", CONNECTION_ROW, "Inserts {@code row} into {@code " + name()
        + "} and returns the row as stored.\nA null component is left out of the {@code INSERT}, so its column gets"
        + " its default (NULL when it has none)" + (sql.hasGenerated() ? "; so is a column the database computes"
        : "") + ".", """
        public static Row insert(Connection connection, Row row) throws SQLException {
            Object[] values = jdbcValues(connection, row);
            StringJoiner columns = new StringJoiner(", ");
            StringJoiner placeholders = new StringJoiner(", ");
            List<Object> parameters = new ArrayList<>();
            for (int index = 0; index < values.length; index++) {
                if (values[index] != null{{writable}}) {
                    columns.add(SQL_COLUMNS[index]);
                    placeholders.add(PLACEHOLDERS[index]);
                    parameters.add(values[index]);
                }
            }
            String into = parameters.isEmpty() ? " DEFAULT VALUES" : " (" + columns + ") VALUES (" + placeholders + ")";
            return query(connection, "INSERT INTO " + RELATION + into + {{returning}}, parameters.toArray()).get(0);
        }""".replace("{{returning}}", Java17.literal(" RETURNING " + sql.columnList()))
        .replace("{{writable}}", sql.hasGenerated() ? " && !GENERATED[index]" : ""));
  }

  private GeneratedMember find() {
    return GeneratedMember.callable("find", keyTypes(), "The row of {@code " + name()
        + "} with this primary key, if there is one.", "public static Optional<Row> find(Connection connection, "
        + keyParameters() + ") throws SQLException {\n"
        + "    List<Row> rows = query(connection, SELECT + " + Java17.literal(" WHERE " + keyCondition())
        + ", new Object[] " + GeneratedMember.braces(keyValues()) + ");\n"
        + "    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));\n}");
  }

  private GeneratedMember update() {
    List<Integer> order = new ArrayList<>(sql.otherIndexes());
    order.addAll(sql.keyIndexes());
    return GeneratedMember.callable("update", CONNECTION_ROW, "Sets every other column of the row of {@code "
        + name() + "} with {@code row}'s primary key to {@code row}'s values (null meaning NULL)"
        + (sql.hasGenerated() ? ", but those the database computes" : "") + "; false when there is no such row.", """
        public static boolean update(Connection connection, Row row) throws SQLException {
            Object[] values = jdbcValues(connection, row);
            return execute(connection, "UPDATE " + RELATION + {{set}}, new Object[] {{values}}) > 0;
        }""".replace("{{values}}", GeneratedMember.braces(order.stream().map(i -> "values[" + i + "]").toList()))
        .replace("{{set}}", Java17.literal(" SET " + sql.assignments(sql.otherIndexes(), ", ") + " WHERE "
            + keyCondition())));
  }

  private GeneratedMember delete() {
    return GeneratedMember.callable("delete", keyTypes(), "Deletes the row of {@code " + name()
        + "} with this primary key; false when there is none.", "public static boolean delete(Connection connection, "
        + keyParameters() + ") throws SQLException {\n    return execute(connection, \"DELETE FROM \" + RELATION + "
        + Java17.literal(" WHERE " + keyCondition()) + ", new Object[] " + GeneratedMember.braces(keyValues())
        + ") > 0;\n}");
  }

  private GeneratedMember jdbcValues() {
    List<String> values = IntStream.range(0, components.size())
        .mapToObj(i -> types.get(i).writeExpression("row." + components.get(i) + "()")).toList();
    return GeneratedMember.callable("jdbcValues", CONNECTION_ROW,
        "The values JDBC binds for {@code row}'s components, in table order.",
        "private static Object[] jdbcValues(Connection connection, Row row) throws SQLException {\n"
        + "    return new Object[] " + GeneratedMember.braces(values) + ";\n}");
  }

  private List<String> keyTypes() {
    List<String> parameters = new ArrayList<>(List.of("Connection"));
    sql.keyIndexes().forEach(i -> parameters.add(types.get(i).name()));
    return parameters;
  }

  private String keyParameters() {
    return sql.keyIndexes().stream().map(i -> types.get(i).name() + " " + components.get(i))
        .collect(Collectors.joining(", "));
  }

  private List<String> keyValues() {
    return sql.keyIndexes().stream().map(i -> types.get(i).writeExpression(components.get(i))).toList();
  }

  private String keyCondition() {
    return sql.assignments(sql.keyIndexes(), " AND ");
  }

  private String quoted(java.util.function.IntFunction<String> value) {
    return GeneratedMember.braces(IntStream.range(0, relation.columns().size())
        .mapToObj(i -> Java17.literal(value.apply(i))).toList());
  }

  private String column(int index) {
    return relation.columns().get(index).name();
  }

  private String name() {
    return text(relation.qualifiedName());
  }
}
