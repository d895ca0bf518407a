package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts a session back as it started, so that each patch runs in the same state whatever the patch before it left:
 * the session's user and role, every run-time parameter (a pg_dump file empties {@code search_path} with
 * {@code set_config(..., false)}, a script may {@code SET} anything), and temporary objects. Allowed inside a
 * transaction, so an upgrade runs it between the patches of its one transaction; the upgrade's plan file runs the
 * same statements.
 */
public final class SessionReset {
  /** The statements, for JDBC and psql alike. */
  public static final String SQL = "SET SESSION AUTHORIZATION DEFAULT; RESET ALL; DISCARD TEMP;";

  private SessionReset() {
  }

  /** Resets the session of {@code c}. */
  public static void reset(Connection c) throws DatabaseException {
    try (Statement s = c.createStatement()) {
      s.execute(SQL);
    } catch (SQLException e) {
      throw Jdbc.failure("reset the session between patches", c, e);
    }
  }
}
