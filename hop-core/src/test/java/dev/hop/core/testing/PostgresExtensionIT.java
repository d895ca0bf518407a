package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Checks that the extension gives each class, nested ones included, its own database, dropped after it. */
@WithPostgres
class PostgresExtensionIT {

  private static TestDatabase fromBeforeAll;
  private static String nestedName;

  private final TestDatabase fromConstructor;

  PostgresExtensionIT(TestDatabase database) {
    this.fromConstructor = database;
  }

  @BeforeAll
  static void remember(TestDatabase database) {
    fromBeforeAll = database;
  }

  @Test
  void injectsOneExistingDatabasePerClassEverywhere(TestDatabase database) throws SQLException {
    assertThat(database).isEqualTo(fromConstructor).isEqualTo(fromBeforeAll);
    assertThat(database.name()).startsWith("postgresextensionit_");
    assertThat(exists(database.name())).isTrue();
  }

  @AfterAll
  static void nestedDatabaseIsDroppedAfterItsClassWhileOursStillExists() throws SQLException {
    assertThat(nestedName).as("the nested class ran").isNotNull();
    assertThat(exists(nestedName)).isFalse();
    assertThat(exists(fromBeforeAll.name())).isTrue();
  }

  @Nested
  class NestedClass {

    @Test
    void getsItsOwnDatabase(TestDatabase database) throws SQLException {
      nestedName = database.name();
      assertThat(database.name()).startsWith("nestedclass_").isNotEqualTo(fromConstructor.name());
      try (Connection c = database.connect()) {
        assertThat(c.getCatalog()).isEqualTo(database.name());
      }
    }
  }

  static boolean exists(String database) throws SQLException {
    try (Connection c = TestPostgres.get().maintenance();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
