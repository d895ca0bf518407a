package dev.hop.bench;

import dev.hop.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates and drops the bench's databases on the shared server (untimed preparation steps). */
final class ServerDatabases {

  private final TestPostgres server;

  ServerDatabases(TestPostgres server) {
    this.server = server;
  }

  /** Drops {@code name} if it exists, ending its sessions. */
  void drop(String name) throws SQLException {
    execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
  }

  /**
   * Drops each of {@code names} that exists, going on past a failure (reported on stderr): for a clean-up, which must
   * not hide the run's own failure.
   */
  void dropEach(List<String> names) {
    for (String name : names) {
      try {
        drop(name);
      } catch (SQLException e) {
        System.err.println("Could not drop " + name + ": " + e.getMessage());
      }
    }
  }

  /** Drops {@code name} if it exists and creates it empty. */
  void recreate(String name) throws SQLException {
    drop(name);
    execute("CREATE DATABASE \"" + name + "\"");
  }

  /** Drops {@code name} if it exists and creates it as a copy of {@code template}. */
  void copy(String template, String name) throws SQLException {
    drop(name);
    execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
