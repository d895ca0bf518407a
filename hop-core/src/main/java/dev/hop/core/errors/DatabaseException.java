package dev.hop.core.errors;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reports that PostgreSQL failed an operation hop relies on (connecting, creating or dropping a database,
 * reading metadata), carrying the server's SQLSTATE and naming the database and server.
 */
public final class DatabaseException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String database;

  private DatabaseException(String message, String sqlState, String database, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.database = database;
  }

  /**
   * {@code action} failed on {@code database} (described as {@code where}, e.g. {@code alice@db1:5432/shop}).
   *
   * @param action what hop was doing, e.g. {@code read the database version}
   */
  public static DatabaseException of(String action, String database, String where, SQLException cause) {
    String state = cause.getSQLState();
    return new DatabaseException("Cannot " + action + " on " + where + ": " + firstLine(cause.getMessage())
        + (state == null ? "" : " (SQLSTATE " + state + ")") + ". " + advice(state), state, database, cause);
  }

  private static String advice(String state) {
    if (state != null && state.startsWith("08")) {
      return "Check that the server runs and that url points at it, then run the goal again.";
    }
    if (state != null && (state.startsWith("28") || state.equals("42501"))) {
      return "Check the user and password (hop.user, hop.password or hop.serverId) and their privileges,"
          + " then run the goal again.";
    }
    return "Fix the database state the message names, then run the goal again.";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The server's SQLSTATE, empty when the driver failed before the server answered. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  /** The database hop was working on. */
  public String database() {
    return database;
  }
}
