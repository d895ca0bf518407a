package dev.hop.core.errors;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/** Reports that code generation could not read the schema from PostgreSQL or write a generated file. */
public final class CodegenException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  /** What generation was doing when it failed. */
  public enum Reason {
    /** Reading the catalog (pg_catalog) failed. */
    READ_SCHEMA,
    /** Reading, writing or deleting a file under the project failed. */
    WRITE_FILE
  }

  private final Reason reason;
  private final transient Path path;
  private final String sqlState;

  private CodegenException(Reason reason, Path path, String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
    this.sqlState = sqlState;
  }

  /** The catalog query {@code what} failed. */
  public static CodegenException readSchema(String what, SQLException cause) {
    return new CodegenException(Reason.READ_SCHEMA, null, cause.getSQLState(), "Cannot read the " + what
        + " of the database to generate code: " + cause.getMessage() + " (SQL state " + cause.getSQLState()
        + "). Check that the database is reachable and that its user may read pg_catalog, then run the goal again.",
        cause);
  }

  /** {@code action} (read, write, delete) of {@code path} failed. */
  public static CodegenException file(String action, Path path, Exception cause) {
    return new CodegenException(Reason.WRITE_FILE, path, null, "Cannot " + action + " generated file " + path
        + ": " + cause + ". Check that the folder exists and is writable, then run the goal again.", cause);
  }

  public Reason reason() {
    return reason;
  }

  /** The file at fault, when the reason is {@link Reason#WRITE_FILE}. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** The server's SQL state, when the reason is {@link Reason#READ_SCHEMA}. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
