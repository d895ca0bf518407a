package dev.hop.core.codegen;

import static dev.hop.core.codegen.RelationMembers.javadoc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes the source of the private JDBC helpers a relation's class needs: query, execute, bind, read, list. */
final class HelperMembers {

  private static final String GENERATED = "@Generated(\"hop\")\n";

  private final Relation relation;
  private final List<JavaType> types;
  private final List<String> components;

  HelperMembers(Relation relation, List<JavaType> types, List<String> components) {
    this.relation = relation;
    this.types = types;
    this.components = components;
  }

  List<String> all() {
    List<String> members = new ArrayList<>();
    members.add(javadoc("Runs {@code sql} with {@code parameters} and reads every row it returns.") + GENERATED + """
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
        }""");
    if (relation.kind().writable()) {
      members.add(javadoc("Runs {@code sql} with {@code parameters} and returns how many rows it changed.")
          + GENERATED + """
          private static int execute(Connection connection, String sql, Object[] parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              bind(statement, parameters);
              return statement.executeUpdate();
            }
          }""");
    }
    members.add(javadoc("Binds {@code parameters} to the statement's placeholders, in order.") + GENERATED + """
        private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
          for (int index = 0; index < parameters.length; index++) {
            statement.setObject(index + 1, parameters[index]);
          }
        }""");
    members.add(read());
    if (types.stream().anyMatch(JavaType::array)) {
      members.add(javadoc("The elements of a JDBC array, each converted by {@code element} (nulls stay null), or"
          + " null for a NULL array.") + GENERATED + """
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
          }""");
    }
    return members;
  }

  private String read() {
    String values = IntStream.range(0, components.size())
        .mapToObj(i -> types.get(i).readExpression("resultSet", i + 1)).collect(Collectors.joining(",\n    "));
    return javadoc("Reads the current row of {@code resultSet}, whose columns are in table order.") + GENERATED
        + "private static Row read(ResultSet resultSet) throws SQLException {\n  return new Row(\n    " + values
        + ");\n}";
  }
}
