package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.PatchScriptException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs the statements of one {@code .sql} file through JDBC on the caller's connection (in its transaction
 * mode), turning a server error into a {@link PatchScriptException} at the file's line and column.
 */
public final class SqlScriptRunner {

  /** SQLSTATE active_sql_transaction: "cannot run inside a transaction block". */
  static final String ACTIVE_SQL_TRANSACTION = "25001";
  /** What PostgreSQL answers to CREATE EXTENSION when the extension is not on the server: 15 and later, then 13-14. */
  private static final Set<String> NO_SUCH_EXTENSION = Set.of("0A000", "58P01");
  private static final Pattern CREATE_EXTENSION = Pattern.compile("(?is)^CREATE\\s+EXTENSION\\s.*");
  static final String NO_TRANSACTION_MARKER = "-- hop:no-transaction";

  private final String next;

  /**
   * @param next the command the user runs after fixing a script, e.g. {@code mvn hop:patch-apply}
   */
  public SqlScriptRunner(String next) {
    this.next = next;
  }

  /**
   * Runs every statement of {@code sql}; {@code file} names it in messages.
   *
   * @return the number of statements run
   */
  public int run(Connection c, String file, String sql) throws PatchScriptException, DatabaseException {
    SqlSplitter splitter = new SqlSplitter(sql);
    int count = 0;
    for (SqlChunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
      if (chunk.kind() == SqlChunk.Kind.META_COMMAND) {
        throw metaCommand(file, chunk, next);
      }
      execute(c, file, sql, chunk);
      count++;
    }
    return count;
  }

  static PatchScriptException metaCommand(String file, SqlChunk chunk, String next) {
    String command = chunk.text().split("\\s+", 2)[0];
    return new PatchScriptException(PatchScriptException.Reason.META_COMMAND, file, chunk.line(), chunk.column(),
        null, null, "psql meta-command " + command + " at " + file + ":" + chunk.line() + ":" + chunk.column()
        + " is not supported: hop runs .sql files through JDBC, not psql. Replace it with plain SQL (or a .java"
        + " script), then run " + next);
  }

  private void execute(Connection c, String file, String sql, SqlChunk chunk)
      throws PatchScriptException, DatabaseException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(chunk.text());
    } catch (SQLException e) {
      fail(c, file, sql, chunk, e, next);
    }
  }

  /** Throws the failure of a statement at the file's position, or a DatabaseException when the server did not answer. */
  static void fail(Connection c, String file, String sql, SqlChunk chunk, SQLException e, String next)
      throws PatchScriptException, DatabaseException {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    if (server == null) {
      throw Jdbc.failure("run " + file, c, e);
    }
    int offset = server.getPosition() > 0
        ? TextPosition.offsetOf(sql, chunk.offset(), server.getPosition()) : chunk.offset();
    int line = TextPosition.line(sql, offset);
    int column = TextPosition.column(sql, offset);
    String state = e.getSQLState();
    String where = file + ":" + line + ":" + column;
    String said = said(server);
    if (ACTIVE_SQL_TRANSACTION.equals(state)) {
      throw new PatchScriptException(PatchScriptException.Reason.NEEDS_NO_TRANSACTION, file, line,
          column, state, server.getMessage(), where + ": " + server.getMessage() + " (SQLSTATE " + state + "). Make "
          + NO_TRANSACTION_MARKER + " the first line of " + file + " so that it runs alone, outside the patch's"
          + " transaction, then run " + next);
    }
    if (NO_SUCH_EXTENSION.contains(state) && CREATE_EXTENSION.matcher(chunk.text()).matches()) {
      throw new PatchScriptException(PatchScriptException.Reason.MISSING_EXTENSION, file, line, column, state,
          server.getMessage(), where + ": " + said + " (SQLSTATE " + state + "). The extension is not installed on"
          + " this PostgreSQL server: install it there (the embedded development server has PostgreSQL's contrib"
          + " modules only; for another extension, work on a server that has it, with -Dhop.url=…), then run " + next);
    }
    throw new PatchScriptException(PatchScriptException.Reason.SQL_ERROR, file, line, column, state, said,
        where + ": " + said + " (SQLSTATE " + state + "). Fix " + file + ", then run " + next);
  }

  /** What the server said: its message, then its DETAIL (which key, which row) and HINT when it gave them. */
  private static String said(ServerErrorMessage server) {
    return server.getMessage() + (server.getDetail() == null ? "" : ". Detail: " + server.getDetail())
        + (server.getHint() == null ? "" : ". Hint: " + server.getHint());
  }
}
