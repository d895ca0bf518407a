package dev.hop.core.codegen;

/**
 * Generates the JUnit 5 test written once beside a relation's class: it checks that the relation exists with the
 * generated columns, connecting with the {@code hop.url}, {@code hop.user} and {@code hop.password} system properties,
 * else the {@code HOP_URL}, {@code HOP_USER} and {@code HOP_PASSWORD} environment variables (patch-add's validation
 * passes the password that way only, keeping it off command lines).
 */
final class TestClassGenerator {

  /**
   * The source of the test of the relation class {@code javaClass}; it depends on nothing else, so that hop can tell
   * whether a test is still as it wrote it once the relation is gone.
   */
  String generate(ClassNames.JavaClass javaClass) {
    return """
        package {{package}};

        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.ResultSetMetaData;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Locale;
        import org.junit.jupiter.api.Test;
        import static org.junit.jupiter.api.Assertions.assertEquals;

        /**
         * Checks that the relation of {@link {{class}}} still has the columns it was generated from; hop writes this test once, it is yours to extend.
         */
        public class {{class}}Test {

            @Test
            void relationHasTheGeneratedColumns() throws SQLException {
                try (Connection connection = DriverManager.getConnection(setting("hop.url"), setting("hop.user"), setting("hop.password"));
                    PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + {{class}}.RELATION + " WHERE false");
                    ResultSet resultSet = statement.executeQuery()) {
                    ResultSetMetaData metaData = resultSet.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int index = 1; index <= metaData.getColumnCount(); index++) {
                        columns.add(metaData.getColumnName(index));
                    }
                    assertEquals({{class}}.COLUMNS, columns);
                }
            }

            /**
             * The system property {@code name} (Surefire passes it), else the environment variable HOP_URL, HOP_USER or HOP_PASSWORD (how hop's patch validation passes the database).
             */
            private static String setting(String name) {
                String value = System.getProperty(name);
                if (value == null || value.isBlank() || value.startsWith("$" + "{")) {
                    value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
                }
                return value;
            }
        }
        """.replace("{{package}}", javaClass.packageName()).replace("{{class}}", javaClass.simpleName());
  }
}
