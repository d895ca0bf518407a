package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Marks the databases hop creates (development databases, templates) with a database comment and reads the
 * mark back, so that hop never drops a database it did not create.
 */
public final class DevelopmentMarker {

  /** The comment of a development database. */
  static final String DEVELOPMENT = "hop:development";
  /** The start of a template's comment; the rest is {@code sha256=<hex of its source files>}. */
  static final String TEMPLATE = "hop:template ";

  private DevelopmentMarker() {
  }

  /** Marks {@code database} as a development database hop created. */
  public static void markDevelopment(Connection maintenance, String database) throws DatabaseException {
    comment(maintenance, database, DEVELOPMENT + " (created by hop; hop may drop and re-create it)");
  }

  /** Marks {@code database} as hop's template built from files whose hash is {@code sha256}. */
  static void markTemplate(Connection maintenance, String database, String sha256) throws DatabaseException {
    comment(maintenance, database, templateComment(sha256));
  }

  public static boolean isDevelopment(Connection maintenance, String database) throws DatabaseException {
    return comment(maintenance, database).filter(c -> c.startsWith(DEVELOPMENT)).isPresent();
  }

  /** Whether {@code database} is hop's template built from files whose hash is {@code sha256}. */
  static boolean isTemplateBuiltFrom(Connection maintenance, String database, String sha256)
      throws DatabaseException {
    return comment(maintenance, database).filter(c -> c.equals(templateComment(sha256))).isPresent();
  }

  /** The comment {@link #markTemplate} writes, which {@link #isTemplateBuiltFrom} looks for. */
  private static String templateComment(String sha256) {
    return TEMPLATE + "sha256=" + sha256;
  }

  static boolean isTemplate(Connection maintenance, String database) throws DatabaseException {
    return comment(maintenance, database).filter(c -> c.startsWith(TEMPLATE)).isPresent();
  }

  /** The database's comment, empty when it has none or does not exist. */
  static Optional<String> comment(Connection maintenance, String database) throws DatabaseException {
    String sql = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?";
    try (PreparedStatement p = maintenance.prepareStatement(sql)) {
      p.setString(1, database);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw Jdbc.failure("read the comment of database " + database, maintenance, e);
    }
  }

  private static void comment(Connection maintenance, String database, String text) throws DatabaseException {
    try (Statement s = maintenance.createStatement()) {
      s.execute("COMMENT ON DATABASE " + Sql.ident(database) + " IS " + Sql.literal(text));
    } catch (SQLException e) {
      throw Jdbc.failure("mark database " + database, maintenance, e);
    }
  }
}
