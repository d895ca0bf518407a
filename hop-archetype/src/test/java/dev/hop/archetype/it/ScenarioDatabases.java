package dev.hop.archetype.it;

import dev.hop.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The scenario's own databases on the test server, under one fresh prefix, dropped at the end. */
final class ScenarioDatabases {
  private final String prefix;

  ScenarioDatabases(String kind) {
    prefix = kind + "_" + Long.toHexString(System.nanoTime());
  }

  String name(String database) {
    return prefix + "_" + database;
  }

  /** hop.url, hop.user (and hop.password) of {@code database}, plus alternating names and values. */
  Properties target(String database, String... keyValues) {
    TestPostgres pg = TestPostgres.get();
    Properties p = new Properties();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    p.setProperty("hop.url", pg.jdbcUrl(name(database)));
    p.setProperty("hop.user", pg.user());
    if (pg.password() != null) {
      p.setProperty("hop.password", pg.password());
    }
    return p;
  }

  String tables(String database) throws SQLException {
    return query(database, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
        + " WHERE schemaname = 'public'");
  }

  String releases(String database) throws SQLException {
    return query(database, "SELECT string_agg(major || '.' || minor || '.' || patch, ','"
        + " ORDER BY major, minor, patch) FROM half_orm_meta.hop_release");
  }

  String query(String database, String sql) throws SQLException {
    try (Connection c = TestPostgres.get().connect(name(database)); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  void execute(String database, String sql) throws SQLException {
    try (Connection c = TestPostgres.get().connect(name(database)); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Drops every database whose name starts with this scenario's prefix (hop's templates included). */
  void dropAll() throws SQLException {
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      }
    }
  }
}
