package dev.hop.core.codegen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import java.util.List;

/**
 * Generates the JUnit 5 test written once beside a relation's class: it checks that the relation exists with the
 * generated columns, connecting with the {@code hop.url}, {@code hop.user} and {@code hop.password} system properties.
 */
final class TestClassGenerator {

  /**
   * The test of the relation class {@code javaClass}; it depends on nothing else, so that hop can tell whether a test
   * is still as it wrote it once the relation is gone.
   */
  CompilationUnit generate(ClassNames.JavaClass javaClass) {
    String simpleName = javaClass.simpleName();
    CompilationUnit unit = new CompilationUnit(javaClass.packageName());
    List.of("java.sql.Connection", "java.sql.DriverManager", "java.sql.PreparedStatement", "java.sql.ResultSet",
        "java.sql.ResultSetMetaData", "java.sql.SQLException", "java.util.ArrayList", "java.util.List",
        "org.junit.jupiter.api.Test").forEach(unit::addImport);
    unit.addImport("org.junit.jupiter.api.Assertions.assertEquals", true, false);
    ClassOrInterfaceDeclaration type = unit.addClass(simpleName + "Test");
    type.setJavadocComment(" Checks that the relation of {@link " + simpleName + "} still has the columns it was"
        + " generated from; hop writes this test once, it is yours to extend. ");
    type.addMember(Java17.member("""
        @Test
        void relationHasTheGeneratedColumns() throws SQLException {
          try (Connection connection = DriverManager.getConnection(System.getProperty("hop.url"),
                  System.getProperty("hop.user"), System.getProperty("hop.password"));
              PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + %1$s.RELATION + " WHERE false");
              ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int index = 1; index <= metaData.getColumnCount(); index++) {
              columns.add(metaData.getColumnName(index));
            }
            assertEquals(%1$s.COLUMNS, columns);
          }
        }""".formatted(simpleName)));
    return unit;
  }
}
