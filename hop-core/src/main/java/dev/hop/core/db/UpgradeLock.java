package dev.hop.core.db;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DatabaseRefusedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Holds the session-level advisory lock that keeps two upgrades of one database from interleaving; a second
 * caller waits up to a timeout, then fails naming the session that holds it.
 */
public final class UpgradeLock implements AutoCloseable {

  /** First key of hop's advisory locks ("hop" in ASCII); the second is derived from the database name. */
  static final int HOP_KEY = 0x686f70;
  private static final String KEYS = HOP_KEY + ", hashtext('hop.upgrade:' || current_database())";
  private static final long POLL_MILLIS = 100;

  private final Connection connection;

  private UpgradeLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Takes the lock on {@code c}'s database for {@code c}'s session, waiting up to {@code timeout}.
   *
   * @throws DatabaseRefusedException UPGRADE_LOCKED naming the holder (pid, application) after the timeout
   */
  public static UpgradeLock acquire(Connection c, Duration timeout, CommandHints hints)
      throws DatabaseException, DatabaseRefusedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        if (tryLock(c)) {
          return new UpgradeLock(c);
        }
        if (System.nanoTime() >= deadline) {
          throw DatabaseRefusedException.locked(c.getCatalog(), server(c), holder(c),
              timeout.toSeconds(), hints);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (SQLException e) {
      throw Jdbc.failure("take the upgrade lock", c, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabaseException.of("take the upgrade lock", "?", "?", new SQLException("interrupted", "57014"));
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEYS + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** {@code user@jdbc-url-without-parameters}, never a password. */
  private static String server(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    int query = url.indexOf('?');
    return c.getMetaData().getUserName() + "@" + (query < 0 ? url : url.substring(0, query));
  }

  /** Describes the session holding the lock, e.g. {@code pid 4242, application 'hop', user alice since ...}. */
  static String holder(Connection c) throws SQLException {
    String sql = "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start"
        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND l.classid = " + HOP_KEY + "::oid"
        + " AND l.objid = hashtext('hop.upgrade:' || current_database())::bit(32)::bigint::oid";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        return "a session that has just released it";
      }
      return "pid " + rs.getInt(1) + ", application '" + rs.getString(2) + "', user " + rs.getString(3)
          + (rs.getString(4) == null ? "" : " from " + rs.getString(4)) + ", connected since " + rs.getString(5);
    }
  }

  /** Releases the lock; the connection stays open. */
  @Override
  public void close() throws DatabaseException {
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + KEYS + ")");
    } catch (SQLException e) {
      throw Jdbc.failure("release the upgrade lock", connection, e);
    }
  }
}
