package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.PatchScriptException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a pg_dump plain-format file (a schema or metadata snapshot) through JDBC: statements run one by one,
 * {@code COPY ... FROM stdin} data blocks go through pgjdbc's CopyManager, the <code>&#92;restrict</code> and
 * <code>&#92;unrestrict</code> lines of pg_dump 15.14+ are skipped, and any other psql meta-command is refused.
 * Statements that set an owner or a privilege ({@code ALTER … OWNER TO}, {@code GRANT}, {@code REVOKE}) are skipped:
 * they name roles of the server the dump was taken on (half_orm_dev's snapshots have them; hop's never do), and a
 * development database belongs to whoever builds it.
 */
public final class DumpLoader {

  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?is)^COPY\\s.+\\sFROM\\s+stdin\\b.*");
  /** Owners and privileges name roles of the server a dump was taken on; no snapshot of hop's holds them. */
  private static final Pattern OWNER_OR_PRIVILEGE = Pattern.compile(
      "(?is)^(ALTER\\s.+\\sOWNER\\s+TO\\s.+|GRANT\\s.+|REVOKE\\s.+|ALTER\\s+DEFAULT\\s+PRIVILEGES\\s.+)");

  private final String next;

  /**
   * @param next the command the user runs after fixing the file
   */
  public DumpLoader(String next) {
    this.next = next;
  }

  /**
   * Runs {@code text} on {@code c} in its current transaction mode; {@code file} names it in messages.
   *
   * @return the number of statements run (COPY blocks included)
   */
  public int load(Connection c, String file, String text) throws PatchScriptException, DatabaseException {
    SqlSplitter splitter = new SqlSplitter(text);
    int count = 0;
    for (SqlChunk chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
      if (chunk.kind() == SqlChunk.Kind.META_COMMAND) {
        if (isRestrictLine(chunk.text())) {
          continue;
        }
        throw SqlScriptRunner.metaCommand(file, chunk, next);
      }
      if (OWNER_OR_PRIVILEGE.matcher(chunk.text()).matches()) {
        continue;
      }
      try {
        if (COPY_FROM_STDIN.matcher(chunk.text()).matches()) {
          copy(c, chunk.text(), splitter.copyData());
        } else {
          try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(chunk.text());
          }
        }
      } catch (SQLException e) {
        SqlScriptRunner.fail(c, file, text, chunk, e, next);
      }
      count++;
    }
    return count;
  }

  private static boolean isRestrictLine(String line) {
    String command = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return command.equals("\\restrict") || command.equals("\\unrestrict");
  }

  private static void copy(Connection c, String statement, String data) throws SQLException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn(statement, new StringReader(data));
    } catch (IOException e) {
      throw new SQLException("Cannot stream COPY data: " + e.getMessage(), "58030", e);
    }
  }
}
