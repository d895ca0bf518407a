package dev.hop.maven.it;

import dev.hop.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A development database name on the test server that does not exist yet, so that the goal under test
 * creates (and marks) it; {@link #close()} drops it and the templates hop built for it.
 */
final class DevelopmentDatabaseFixture implements AutoCloseable {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final TestPostgres server = TestPostgres.get();
  private final String name;

  DevelopmentDatabaseFixture() {
    this("it_dev_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
  }

  private DevelopmentDatabaseFixture(String name) {
    this.name = name;
  }

  /** The fixture of a name chosen elsewhere (a scenario project's), dropped with its templates on close. */
  static DevelopmentDatabaseFixture named(String name) {
    return new DevelopmentDatabaseFixture(name);
  }

  String name() {
    return name;
  }

  /** {@code hop.url}, {@code hop.user} and {@code hop.password} for a Maven run. */
  Properties properties() {
    Properties p = new Properties();
    p.setProperty("hop.url", server.jdbcUrl(name));
    p.setProperty("hop.user", server.user());
    if (server.password() != null) {
      p.setProperty("hop.password", server.password());
    }
    return p;
  }

  Connection connect() throws SQLException {
    return server.connect(name);
  }

  /** The rows of a one-column query, as text. */
  List<String> column(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + name + "%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String db : names) {
        s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
      }
    }
  }
}
