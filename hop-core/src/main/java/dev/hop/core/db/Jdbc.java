package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;

/** Turns a JDBC failure on an open connection into a {@link DatabaseException} naming that database. */
final class Jdbc {

  private Jdbc() {
  }

  static DatabaseException failure(String action, Connection connection, SQLException cause) {
    String database = "?";
    String where = "?";
    try {
      database = connection.getCatalog();
      where = connection.getMetaData().getUserName() + "@" + connection.getMetaData().getURL();
    } catch (SQLException | RuntimeException ignored) {
      // the connection is broken: the cause says why
    }
    return DatabaseException.of(action, database, where, cause);
  }
}
