package dev.hop.maven.it;

import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** What the production scenario ITs compare: catalog fingerprint, data checksum, version, Maven properties. */
final class ProductionChecks {

  private ProductionChecks() {
  }

  static String fingerprint(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return CatalogFingerprint.of(c);
    }
  }

  /** The rows of the seed table and of hop's metadata tables, as one md5. */
  static String data(TestDatabase db) throws SQLException {
    return query(db, "SELECT md5((SELECT string_agg(t::text, ',' ORDER BY t::text) FROM seed t)"
        + " || (SELECT count(*) FROM half_orm_meta.hop_release)::text"
        + " || (SELECT count(*) FROM half_orm_meta.hop_applied_patch)::text)");
  }

  static String version(TestDatabase db) throws SQLException {
    return query(db, "SELECT major || '.' || minor || '.' || patch FROM \"half_orm_meta.view\".hop_last_release");
  }

  static String query(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Asserts that {@code lines} hold, in this order, lines starting with each of {@code prefixes}. */
  static void startInOrder(java.util.List<String> lines, String... prefixes) {
    int at = 0;
    for (String prefix : prefixes) {
      while (at < lines.size() && !lines.get(at).startsWith(prefix)) {
        at++;
      }
      if (at == lines.size()) {
        throw new AssertionError("No line starting with '" + prefix + "' (in order) in:\n" + String.join("\n", lines));
      }
      at++;
    }
  }

  /** hop.url and hop.user of {@code db}, plus alternating extra names and values. */
  static Properties target(TestDatabase db, String... extra) {
    Properties p = new Properties();
    p.setProperty("hop.url", db.jdbcUrl());
    p.setProperty("hop.user", db.user());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      p.setProperty(extra[i], extra[i + 1]);
    }
    return p;
  }
}
