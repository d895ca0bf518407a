package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Checks the shared server and its database factory against the real server. */
class TestPostgresIT {

  private static final String VALID_NAME = "[a-z][a-z0-9_]{0,62}";

  private final TestPostgres server = TestPostgres.get();

  @Test
  void serverAnswersAndIsTheOneSharedInstance() throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(server.maintenanceDatabase());
      assertThat(rs.getString(2)).isEqualTo(server.user());
    }
    assertThat(TestPostgres.get()).isSameAs(server);
  }

  @Test
  void embeddedServerIsPostgres15OnLoopbackOnly() throws SQLException {
    if (!server.isEmbedded()) {
      assertThat(server.serverVersion()).isNotBlank(); // an external server only has to answer
      return;
    }
    assertThat(server.serverVersion()).startsWith("15.");
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.password()).isNull();
    try (Connection c = server.maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void createDatabaseGivesDistinctDatabasesThatCloseDrops() throws SQLException {
    TestDatabase first = server.createDatabase("TestPostgresIT");
    TestDatabase second = server.createDatabase("TestPostgresIT");
    try {
      assertThat(first.name()).isNotEqualTo(second.name()).startsWith("testpostgresit_").matches(VALID_NAME);
      assertThat(second.name()).startsWith("testpostgresit_").matches(VALID_NAME);
      assertThat(exists(first.name())).isTrue();
      assertThat(exists(second.name())).isTrue();
    } finally {
      first.close();
      second.close();
    }
    assertThat(exists(first.name())).isFalse();
    assertThat(exists(second.name())).isFalse();
  }

  @Test
  void uniqueNameMakesAnyPrefixAValidIdentifier() {
    assertThat(TestPostgres.uniqueName("Patch-Apply.IT")).startsWith("patch_apply_it_").matches(VALID_NAME);
    assertThat(TestPostgres.uniqueName("42 é")).startsWith("t_42___").matches(VALID_NAME);
    assertThat(TestPostgres.uniqueName("x".repeat(200))).hasSizeLessThanOrEqualTo(63).matches(VALID_NAME);
    assertThat(TestPostgres.uniqueName("same")).isNotEqualTo(TestPostgres.uniqueName("same"));
  }

  private boolean exists(String database) throws SQLException {
    try (Connection c = server.maintenance();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }
}
