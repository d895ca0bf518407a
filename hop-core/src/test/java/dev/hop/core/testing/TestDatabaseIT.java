package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks a test database: connections, schemas, dropping, and a forked pg_dump reaching it. */
class TestDatabaseIT {

  private static final String PG_DUMP = "/usr/bin/pg_dump";

  private TestDatabase database;

  @BeforeEach
  void create() {
    database = TestPostgres.get().createDatabase("TestDatabaseIT");
  }

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void connectsToItself() throws SQLException {
    try (Connection c = database.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(database.name());
    }
    assertThat(database.jdbcUrl()).endsWith("/" + database.name());
  }

  @Test
  void createSchemaGivesAFreshSchemaThatConnectCanTarget() throws SQLException {
    String first = database.createSchema("PerTest");
    String second = database.createSchema("PerTest");

    assertThat(first).startsWith("pertest_").isNotEqualTo(second);
    try (Connection c = database.connect(first); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id int)");
      try (ResultSet rs = s.executeQuery("SELECT current_schema(), to_regclass('" + first + ".t') IS NOT NULL")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(first);
        assertThat(rs.getBoolean(2)).isTrue();
      }
    }
  }

  @Test
  void closeDropsEvenWithAnOpenSessionAndTwiceIsHarmless() throws SQLException {
    try (Connection open = database.connect()) {
      database.close();
      assertThat(open.isValid(2)).isFalse();
    }
    assertThatCode(database::close).doesNotThrowAnyException();
  }

  @Test
  void systemPgDumpReachesItThroughTheEnvironmentOnly() throws Exception {
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE public.dumped_table (id int PRIMARY KEY, label text)");
    }
    ProcessBuilder builder = database.processBuilder(PG_DUMP, "--schema-only", "--no-owner")
        .redirectErrorStream(true);

    String output = run(builder);

    assertThat(builder.command()).containsExactly(PG_DUMP, "--schema-only", "--no-owner");
    assertThat(builder.environment()).containsEntry("PGDATABASE", database.name())
        .containsEntry("PGPORT", Integer.toString(database.port()));
    assertThat(output).contains("CREATE TABLE public.dumped_table");
  }

  private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pg_dump finished").isTrue();
    assertThat(process.exitValue()).as("pg_dump exit code; output:%n%s", output).isZero();
    return output;
  }
}
