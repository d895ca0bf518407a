package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.PgToolException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a database back to a backup after a non-transactional upgrade failed: empties its user schemas (so that
 * objects the failed run created go too; the database itself is kept, never dropped), then restores the backup.
 */
public final class BackupRestore {
  private final Backup backup;

  public BackupRestore(Backup backup) {
    this.backup = backup;
  }

  /** Restores {@code file} into {@code target}; {@code c} is a connection to it in autocommit mode. */
  public void restore(Connection c, DatabaseTarget target, Path file) throws DatabaseException, PgToolException {
    try (Statement s = c.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace n WHERE nspname NOT IN"
          + " ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp_%'"
          + " AND nspname NOT LIKE 'pg_toast_temp_%'")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      c.setAutoCommit(false);
      for (String schema : schemas) {
        s.execute("DROP SCHEMA " + Sql.ident(schema) + " CASCADE");
      }
      // as initdb makes it, comment included: the backup, like any pg_dump, leaves public's defaults out
      s.execute("CREATE SCHEMA public");
      s.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
      c.commit();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw Jdbc.failure("empty the database before restoring " + file, c, e);
    }
    backup.restore(target, file);
  }
}
