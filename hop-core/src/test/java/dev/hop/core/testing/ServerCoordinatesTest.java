package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Checks how an external server's JDBC URL becomes coordinates, URLs and libpq variables. */
class ServerCoordinatesTest {

  @Test
  void readsAnExternalUrlAndKeepsItsParametersButNotItsLogin() {
    ServerCoordinates c = ServerCoordinates.fromJdbcUrl(
        "jdbc:postgresql://db.example:6543/hop?sslmode=require&user=url_user&password=url_secret", null, null);

    assertThat(c.host()).isEqualTo("db.example");
    assertThat(c.port()).isEqualTo(6543);
    assertThat(c.user()).isEqualTo("url_user");
    assertThat(c.password()).isEqualTo("url_secret");
    assertThat(c.maintenanceDatabase()).isEqualTo("hop");
    assertThat(c.jdbcUrl("other")).isEqualTo("jdbc:postgresql://db.example:6543/other?sslmode=require");
    assertThat(c.libpqEnvironment("other")).containsEntry("PGHOST", "db.example").containsEntry("PGPORT", "6543")
        .containsEntry("PGUSER", "url_user").containsEntry("PGDATABASE", "other")
        .containsEntry("PGPASSWORD", "url_secret").containsEntry("PGSSLMODE", "require");
    assertThat(c.toString()).doesNotContain("url_secret");
  }

  @Test
  void explicitLoginWinsAndDefaultsFillTheRest() {
    ServerCoordinates c = ServerCoordinates.fromJdbcUrl("jdbc:postgresql://[::1]/?password=url_secret", "me", "pw");

    assertThat(c.host()).isEqualTo("::1");
    assertThat(c.port()).isEqualTo(5432);
    assertThat(c.user()).isEqualTo("me");
    assertThat(c.password()).isEqualTo("pw");
    assertThat(c.maintenanceDatabase()).isEqualTo("postgres");
    assertThat(c.jdbcUrl("x")).isEqualTo("jdbc:postgresql://[::1]:5432/x");
  }

  @Test
  void withoutPasswordThereIsNoPgpassword() {
    ServerCoordinates c = ServerCoordinates.fromJdbcUrl("jdbc:postgresql://localhost:5433/postgres", null, "");

    assertThat(c.user()).isEqualTo("postgres");
    assertThat(c.password()).isNull();
    assertThat(c.libpqEnvironment("d")).doesNotContainKey("PGPASSWORD");
  }

  @Test
  void rejectsWhatItCannotUse() {
    assertThatThrownBy(() -> ServerCoordinates.fromJdbcUrl("jdbc:mysql://h/d", null, null))
        .hasMessageContaining("Not a PostgreSQL JDBC URL");
    assertThatThrownBy(() -> ServerCoordinates.fromJdbcUrl("jdbc:postgresql://h1:1,h2:2/d", null, null))
        .hasMessageContaining("Multi-host");
  }
}
