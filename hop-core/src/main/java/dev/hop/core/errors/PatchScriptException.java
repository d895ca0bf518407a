package dev.hop.core.errors;

import java.util.List;
import java.util.Optional;

/**
 * Refuses or reports a script the user wrote (a patch's {@code .sql} or {@code .java} file, a model
 * snapshot): it carries the file, the line and column, and for SQL errors the server's SQLSTATE and message.
 */
public final class PatchScriptException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the script failed. */
  public enum Reason {
    /** The server rejected a statement. */
    SQL_ERROR,
    /** The statement cannot run in a transaction block (SQLSTATE 25001): the file needs the marker. */
    NEEDS_NO_TRANSACTION,
    /** A psql meta-command ({@code \i}, {@code \set}, ...) that hop does not run. */
    META_COMMAND,
    /** The file is not valid UTF-8 or its SQL does not end (an open quote, comment or dollar body). */
    UNREADABLE,
    /** A {@code .java} script exited with a non-zero status or could not start. */
    JAVA_FAILED,
    /** A script of a language hop does not run ({@code .py}, {@code .sh}, {@code .psql}...). */
    NOT_RUNNABLE,
    /** {@code CREATE EXTENSION} of an extension the server does not have installed. */
    MISSING_EXTENSION
  }

  private final Reason reason;
  private final String file;
  private final int line;
  private final int column;
  private final String sqlState;
  private final String serverMessage;
  private final List<String> committed;

  /**
   * @param line 1-based, 0 when unknown
   * @param column 1-based, 0 when unknown
   * @param sqlState null unless the server answered
   * @param serverMessage the server's (or the tool's) own words, null when none
   */
  public PatchScriptException(Reason reason, String file, int line, int column, String sqlState,
      String serverMessage, String message) {
    this(reason, file, line, column, sqlState, serverMessage, message, List.of());
  }

  private PatchScriptException(Reason reason, String file, int line, int column, String sqlState,
      String serverMessage, String message, List<String> committed) {
    super(message);
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.column = column;
    this.sqlState = sqlState;
    this.serverMessage = serverMessage;
    this.committed = List.copyOf(committed);
  }

  /**
   * The same failure, knowing which scripts of the failing patch were committed before it: those before a Java
   * script or a {@code -- hop:no-transaction} file, which commit the work before them, and those scripts themselves.
   */
  public PatchScriptException withCommitted(List<String> scripts) {
    return new PatchScriptException(reason, file, line, column, sqlState, serverMessage, getMessage(), scripts);
  }

  /** With a new message (what the database now holds, say), the facts kept. */
  public PatchScriptException withMessage(String message) {
    return new PatchScriptException(reason, file, line, column, sqlState, serverMessage, message, committed);
  }

  /** The scripts of the failing patch committed before the failure, by file name; empty when none. */
  public List<String> committed() {
    return committed;
  }

  public Reason reason() {
    return reason;
  }

  /** The script's name as the user knows it, e.g. {@code Patches/12-users/01-tables.sql}. */
  public String file() {
    return file;
  }

  /** 1-based line of the failure, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the failure, 0 when unknown. */
  public int column() {
    return column;
  }

  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** {@code file:line:column}, the position editors understand. */
  public String position() {
    return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
  }
}
