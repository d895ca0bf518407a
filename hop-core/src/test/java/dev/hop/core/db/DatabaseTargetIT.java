package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.Secret;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks connections built from typed values, the maintenance database and the libpq environment. */
@WithPostgres
class DatabaseTargetIT {

  @Test
  void connectsToTheDatabaseAndToTheMaintenanceDatabase(TestDatabase db) throws Exception {
    DatabaseTarget target = Targets.of(db);
    assertThat(target.database()).isEqualTo(db.name());
    try (Connection c = target.connect(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT current_database(), current_setting('application_name')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(db.name());
      assertThat(rs.getString(2)).isEqualTo("hop");
    }
    try (Connection c = target.maintenance().connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("postgres");
    }
  }

  @Test
  void keepsUrlParametersWhenSwitchingDatabase() {
    DatabaseTarget t = new DatabaseTarget("jdbc:postgresql://db.example:5433/shop?sslmode=require",
        Optional.of("alice"), Secret.of("s3cret"));
    assertThat(t.withDatabase("other").url()).isEqualTo("jdbc:postgresql://db.example:5433/other?sslmode=require");
    assertThat(t.describe()).isEqualTo("alice@db.example:5433/shop").doesNotContain("s3cret");
    assertThat(t.toString()).doesNotContain("s3cret");
    assertThat(t.libpqEnvironment()).containsEntry("PGHOST", "db.example").containsEntry("PGPORT", "5433")
        .containsEntry("PGDATABASE", "shop").containsEntry("PGUSER", "alice").containsEntry("PGPASSWORD", "s3cret")
        .containsEntry("PGSSLMODE", "require");
  }

  @Test
  void refusesOtherUrls() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://h/db", Optional.empty(), Secret.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:postgresql://a,b/db", Optional.empty(), Secret.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingDatabaseFailsNamingItWithoutThePassword(TestDatabase db) {
    DatabaseTarget missing = new DatabaseTarget(db.jdbcUrl(), Optional.of(db.user()), Secret.of("topsecret"))
        .withDatabase("no_such_db_hop");
    assertThatThrownBy(missing::connect)
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("no_such_db_hop")
        .hasMessageNotContaining("topsecret")
        .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).contains("3D000"));
  }
}
