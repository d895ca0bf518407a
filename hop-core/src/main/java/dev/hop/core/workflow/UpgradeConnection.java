package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.UpgradeLock;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A connection to the production database that holds the upgrade lock, and the version read through it; or what
 * failed to open, lock or read it, kept to be thrown when the connection is asked for (the caller reports it in its
 * turn, after the checks that come first).
 */
public final class UpgradeConnection implements AutoCloseable {
  private final ProductionDatabase database;
  private Connection connection;
  private UpgradeLock lock;
  private Version version;
  private HopException failure;

  private UpgradeConnection(ProductionDatabase database) {
    this.database = database;
  }

  /** Connects, takes the lock (waiting up to {@code wait} for another upgrade) and reads the version. */
  public static UpgradeConnection open(ProductionDatabase database, Duration wait, CommandHints hints) {
    UpgradeConnection opened = new UpgradeConnection(database);
    try {
      opened.connection = database.target().connect();
      opened.lock = UpgradeLock.acquire(opened.connection, wait, hints);
      opened.version = database.version(opened.connection);
    } catch (HopException e) {
      opened.failure = e;
    }
    return opened;
  }

  /** The locked connection, or the failure to open, lock or read it. */
  public Connection connection() throws HopException {
    if (failure != null) {
      throw failure;
    }
    return connection;
  }

  /** The database's version, or the failure to open, lock or read it. */
  public Version version() throws HopException {
    connection();
    return version;
  }

  /** Releases the lock and closes the connection. */
  @Override
  public void close() throws HopException {
    try {
      if (lock != null) {
        lock.close();
      }
    } finally {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          throw DatabaseException.of("close the connection", database.name(), database.target().server(), e);
        }
      }
    }
  }
}
