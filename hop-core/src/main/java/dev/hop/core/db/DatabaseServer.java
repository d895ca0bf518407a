package dev.hop.core.db;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DatabaseRefusedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates and drops databases on one server through its maintenance database, dropping only the databases
 * hop marked as its own.
 */
public final class DatabaseServer {

  private final DatabaseTarget maintenance;
  private final CommandHints hints;
  /** How CREATE DATABASE copies on this server, asked once: a {@code STRATEGY} clause, or empty for the default. */
  private String copyStrategy;

  /**
   * @param any a database on the server (its maintenance database is used)
   */
  public DatabaseServer(DatabaseTarget any, CommandHints hints) {
    this.maintenance = any.maintenance();
    this.hints = hints;
  }

  /** Opens a connection to the maintenance database; the caller closes it. */
  public Connection connect() throws DatabaseException {
    return maintenance.connect();
  }

  /** Names the server for messages. */
  public String describe() {
    return maintenance.server();
  }

  /** Whether {@code database} exists, asked over a maintenance connection of its own. */
  public boolean exists(String database) throws DatabaseException {
    try (Connection c = connect()) {
      return exists(c, database);
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", database, describe(), e);
    }
  }

  /**
   * The databases whose name matches the SQL {@code LIKE} pattern, sorted: those one can connect to, neither
   * templates nor the databases hop makes for development, validation and checks.
   */
  public List<String> matching(String pattern) throws DatabaseException {
    String sql = "SELECT datname FROM pg_database d WHERE datname LIKE ? AND NOT datistemplate AND datallowconn"
        + " AND coalesce(shobj_description(d.oid, 'pg_database'), '') NOT LIKE ? ORDER BY datname";
    try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, pattern);
      p.setString(2, "hop:%");
      List<String> names = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw DatabaseException.of("list the databases like " + pattern, pattern, describe(), e);
    }
  }

  public boolean exists(Connection c, String database) throws DatabaseException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      p.setString(1, database);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw Jdbc.failure("look for database " + database, c, e);
    }
  }

  /** Creates {@code database}, a copy of {@code template} when given (else of template0). */
  public void create(Connection c, String database, Optional<String> template) throws DatabaseException {
    String sql = "CREATE DATABASE " + Sql.ident(database) + " TEMPLATE " + Sql.ident(template.orElse("template0"))
        + copyStrategy(c);
    execute(c, sql, "create database " + database);
  }

  /**
   * The {@code STRATEGY} clause this server's copies get (empty for PostgreSQL's default), read over {@code c} from
   * the server's version and {@code fsync} setting on first use.
   *
   * @see #copyStrategy(int, boolean)
   */
  public String copyStrategy(Connection c) throws DatabaseException {
    if (copyStrategy == null) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int,"
              + " current_setting('fsync')::boolean")) {
        rs.next();
        copyStrategy = copyStrategy(rs.getInt(1), rs.getBoolean(2));
      } catch (SQLException e) {
        throw Jdbc.failure("read the server's version and fsync setting", c, e);
      }
    }
    return copyStrategy;
  }

  /**
   * The {@code STRATEGY} clause of CREATE DATABASE for a server: {@code FILE_COPY} on PostgreSQL 15 and later when
   * the server does not flush to disk ({@code fsync} off, as test and CI servers often run), else none. PostgreSQL 15
   * copies a template block by block through the WAL by default, which is right when writes are flushed; without
   * flushes, its older copy of the files is the quicker one. With fsync on, that copy would flush each of the
   * template's files, which is slower than the default. Before 15 there is no choice to make.
   */
  static String copyStrategy(int serverVersionNum, boolean fsync) {
    return serverVersionNum >= 150000 && !fsync ? " STRATEGY FILE_COPY" : "";
  }

  /** Renames {@code database} to {@code newName}; nobody may be connected to it. */
  void rename(Connection c, String database, String newName) throws DatabaseException {
    execute(c, "ALTER DATABASE " + Sql.ident(database) + " RENAME TO " + Sql.ident(newName),
        "rename database " + database + " to " + newName);
  }

  /** Creates an empty development database and marks it as hop's. */
  public void createDevelopment(Connection c, String database, Optional<String> template) throws DatabaseException {
    create(c, database, template);
    DevelopmentMarker.markDevelopment(c, database);
  }

  /**
   * Drops {@code database} (ending its sessions) if it exists and hop marked it as a development database.
   *
   * @param action what the caller is doing, for the refusal, e.g. {@code re-create}
   * @throws DatabaseRefusedException when it exists without hop's mark
   */
  public void dropDevelopment(Connection c, String database, String action)
      throws DatabaseException, DatabaseRefusedException {
    if (requireDroppable(c, database, action)) {
      drop(c, database);
    }
  }

  /**
   * Refuses {@code database} when it exists without hop's development mark, changing nothing, so that a goal can
   * check before its first change that it may drop it later.
   *
   * @param action what the goal would do with it, for the refusal ({@code re-create})
   * @return whether the database exists
   * @throws DatabaseRefusedException when it exists and hop did not create it for development
   */
  public boolean requireDroppable(Connection c, String database, String action)
      throws DatabaseException, DatabaseRefusedException {
    if (!exists(c, database)) {
      return false;
    }
    if (!DevelopmentMarker.isDevelopment(c, database)) {
      throw DatabaseRefusedException.notMarked(database, describe(), action, hints);
    }
    return true;
  }

  /** Drops a template hop built; refuses a database without hop's template mark. */
  void dropTemplate(Connection c, String database) throws DatabaseException, DatabaseRefusedException {
    if (!exists(c, database)) {
      return;
    }
    if (!DevelopmentMarker.isTemplate(c, database)) {
      throw DatabaseRefusedException.notMarked(database, describe(), "rebuild the template", hints);
    }
    drop(c, database);
  }

  private void drop(Connection c, String database) throws DatabaseException {
    execute(c, "DROP DATABASE " + Sql.ident(database) + " WITH (FORCE)", "drop database " + database);
  }

  private void execute(Connection c, String sql, String action) throws DatabaseException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw DatabaseException.of(action, maintenance.database(), describe(), e);
    }
  }
}
