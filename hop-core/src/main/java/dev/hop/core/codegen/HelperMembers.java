package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes the source of the private JDBC helpers a relation's class needs: query, execute, bind, read, list. */
final class HelperMembers {

  private static final List<String> SQL_AND_PARAMETERS = List.of("Connection", "String", "Object[]");

  private final Relation relation;
  private final List<JavaType> types;

  HelperMembers(Relation relation, List<JavaType> types) {
    this.relation = relation;
    this.types = types;
  }

  List<GeneratedMember> all() {
    List<GeneratedMember> members = new ArrayList<>();
    members.add(GeneratedMember.callable("query", SQL_AND_PARAMETERS,
        "Runs {@code sql} with {@code parameters} and reads every row it returns.", """
        private static List<Row> query(Connection connection, String sql, Object[] parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet resultSet = statement.executeQuery()) {
                    List<Row> rows = new ArrayList<>();
                    while (resultSet.next()) {
                        rows.add(read(resultSet));
                    }
                    return rows;
                }
            }
        }"""));
    if (relation.kind().writable()) {
      members.add(GeneratedMember.callable("execute", SQL_AND_PARAMETERS,
          "Runs {@code sql} with {@code parameters} and returns how many rows it changed.", """
          private static int execute(Connection connection, String sql, Object[] parameters) throws SQLException {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                  bind(statement, parameters);
                  return statement.executeUpdate();
              }
          }"""));
    }
    members.add(GeneratedMember.callable("bind", List.of("PreparedStatement", "Object[]"),
        "Binds {@code parameters} to the statement's placeholders, in order.", """
        private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
        }"""));
    members.add(read());
    if (types.stream().anyMatch(JavaType::array)) {
      members.add(GeneratedMember.callable("list", List.of("Array", "Function<Object, T>"),
          "The elements of a JDBC array, each converted by {@code element} (nulls stay null), or null for a NULL"
          + " array.", """
          private static <T> List<T> list(Array array, Function<Object, T> element) throws SQLException {
              if (array == null) {
                  return null;
              }
              try {
                  List<T> values = new ArrayList<>();
                  for (Object value : (Object[]) array.getArray()) {
                      values.add(value == null ? null : element.apply(value));
                  }
                  return Collections.unmodifiableList(values);
              } finally {
                  array.free();
              }
          }"""));
    }
    return members;
  }

  private GeneratedMember read() {
    String values = IntStream.range(0, types.size())
        .mapToObj(i -> types.get(i).readExpression("resultSet", i + 1)).collect(Collectors.joining(", "));
    return GeneratedMember.callable("read", List.of("ResultSet"),
        "Reads the current row of {@code resultSet}, whose columns are in table order.",
        "private static Row read(ResultSet resultSet) throws SQLException {\n    return new Row(" + values + ");\n}");
  }
}
