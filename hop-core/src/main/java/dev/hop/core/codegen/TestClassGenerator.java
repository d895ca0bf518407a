package dev.hop.core.codegen;

/**
 * Generates the JUnit 5 test written once beside a relation's class: it checks that the relation exists with the
 * generated columns, connecting with the {@code hop.url}, {@code hop.user} and {@code hop.password} system properties.
 */
final class TestClassGenerator {

  /**
   * The source of the test of the relation class {@code javaClass}; it depends on nothing else, so that hop can tell
   * whether a test is still as it wrote it once the relation is gone.
   */
  String generate(ClassNames.JavaClass javaClass) {
    return """
        package %1$s;

        import java.sql.Connection;
        import java.sql.DriverManager;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.ResultSetMetaData;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import org.junit.jupiter.api.Test;
        import static org.junit.jupiter.api.Assertions.assertEquals;

        /**
         * Checks that the relation of {@link %2$s} still has the columns it was generated from; hop writes this test once, it is yours to extend.
         */
        public class %2$sTest {

            @Test
            void relationHasTheGeneratedColumns() throws SQLException {
                try (Connection connection = DriverManager.getConnection(System.getProperty("hop.url"), System.getProperty("hop.user"), System.getProperty("hop.password"));
                    PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + %2$s.RELATION + " WHERE false");
                    ResultSet resultSet = statement.executeQuery()) {
                    ResultSetMetaData metaData = resultSet.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int index = 1; index <= metaData.getColumnCount(); index++) {
                        columns.add(metaData.getColumnName(index));
                    }
                    assertEquals(%2$s.COLUMNS, columns);
                }
            }
        }
        """.formatted(javaClass.packageName(), javaClass.simpleName());
  }
}
