package dev.hop.core.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts an SQL file into statements the way psql does: on semicolons outside quotes ('', E'', "", $$ and
 * $tag$ bodies), comments ({@code --} and nested block comments) and parentheses; a backslash outside
 * those starts a psql meta-command, reported as such.
 *
 * <p>Like psql (14+), a statement that starts with {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} keeps the
 * semicolons of its SQL-standard body ({@code BEGIN ATOMIC … END}): the words BEGIN, CASE (inside a BEGIN) and
 * END are counted, and a semicolon only ends the statement at depth 0.
 *
 * <p>It is a cursor: {@link #next()} returns the chunks one by one, and {@link #copyData()} reads the data
 * block that follows a {@code COPY ... FROM stdin} statement.
 */
public final class SqlSplitter {

  private final String sql;
  private int pos;

  public SqlSplitter(String sql) {
    this.sql = sql.startsWith("\uFEFF") ? " " + sql.substring(1) : sql;
  }

  /** The next chunk, or null at the end of the file. */
  public SqlChunk next() {
    skipBlanksAndComments();
    if (pos >= sql.length()) {
      return null;
    }
    int start = pos;
    if (sql.charAt(pos) == '\\') {
      return metaCommand(start);
    }
    int depth = 0;
    RoutineBody body = new RoutineBody();
    while (pos < sql.length()) {
      char ch = sql.charAt(pos);
      if (isWordStart(ch) && (pos == 0 || !isIdentifierPart(sql.charAt(pos - 1)))) {
        int end = pos;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
          end++;
        }
        body.word(sql.substring(pos, end));
        pos = end;
      } else if (ch == '-' && peek(1) == '-') {
        skipLine();
      } else if (ch == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (ch == '\'') {
        skipString(isEscapeString());
      } else if (ch == '"') {
        skipQuotedIdentifier();
      } else if (ch == '$' && dollarTag() != null) {
        skipDollarBody(dollarTag());
      } else if (ch == '\\') {
        return metaCommand(pos);
      } else {
        if (ch == '(') {
          depth++;
        } else if (ch == ')' && depth > 0) {
          depth--;
        } else if (ch == ';' && depth == 0 && body.depth() == 0) {
          SqlChunk chunk = chunk(SqlChunk.Kind.STATEMENT, start, pos);
          pos++;
          return chunk;
        }
        pos++;
      }
    }
    return chunk(SqlChunk.Kind.STATEMENT, start, sql.length());
  }

  /**
   * Reads the data lines of a {@code COPY ... FROM stdin} just returned by {@link #next()}: from the next
   * line up to the line {@code \.} (consumed, not returned); each returned line ends with a newline.
   */
  public String copyData() {
    skipLine();
    StringBuilder data = new StringBuilder();
    while (pos < sql.length()) {
      int end = sql.indexOf('\n', pos);
      String line = end < 0 ? sql.substring(pos) : sql.substring(pos, end);
      pos = end < 0 ? sql.length() : end + 1;
      String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (bare.equals("\\.")) {
        break;
      }
      data.append(bare).append('\n');
    }
    return data.toString();
  }

  private SqlChunk metaCommand(int start) {
    int end = sql.indexOf('\n', start);
    end = end < 0 ? sql.length() : end;
    SqlChunk chunk = chunk(SqlChunk.Kind.META_COMMAND, start, end);
    pos = end;
    return chunk;
  }

  private SqlChunk chunk(SqlChunk.Kind kind, int start, int end) {
    String text = sql.substring(start, end).stripTrailing();
    return new SqlChunk(kind, text, start, TextPosition.line(sql, start), TextPosition.column(sql, start));
  }

  private void skipBlanksAndComments() {
    while (pos < sql.length()) {
      char ch = sql.charAt(pos);
      if (Character.isWhitespace(ch)) {
        pos++;
      } else if (ch == '-' && peek(1) == '-') {
        skipLine();
      } else if (ch == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (ch == ';') {
        pos++;
      } else {
        return;
      }
    }
  }

  private void skipLine() {
    int end = sql.indexOf('\n', pos);
    pos = end < 0 ? sql.length() : end + 1;
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (sql.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
  }

  /** An E'' string: the quote follows E or e, which does not end a longer word. */
  private boolean isEscapeString() {
    if (pos < 1 || (sql.charAt(pos - 1) != 'E' && sql.charAt(pos - 1) != 'e')) {
      return false;
    }
    return pos < 2 || !isIdentifierPart(sql.charAt(pos - 2));
  }

  private void skipString(boolean backslashEscapes) {
    pos++;
    while (pos < sql.length()) {
      char ch = sql.charAt(pos);
      if (backslashEscapes && ch == '\\') {
        pos += 2;
      } else if (ch == '\'') {
        if (peek(1) == '\'') {
          pos += 2;
        } else {
          pos++;
          return;
        }
      } else {
        pos++;
      }
    }
  }

  private void skipQuotedIdentifier() {
    pos++;
    while (pos < sql.length()) {
      if (sql.charAt(pos) == '"') {
        if (peek(1) == '"') {
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      pos++;
    }
  }

  /** The dollar-quote opening at pos ({@code $$} or {@code $tag$}), or null when pos is not one. */
  private String dollarTag() {
    if (pos > 0 && isIdentifierPart(sql.charAt(pos - 1))) {
      return null;
    }
    int i = pos + 1;
    while (i < sql.length() && sql.charAt(i) != '$') {
      char ch = sql.charAt(i);
      boolean ok = i == pos + 1 ? Character.isLetter(ch) || ch == '_' : Character.isLetterOrDigit(ch) || ch == '_';
      if (!ok) {
        return null;
      }
      i++;
    }
    return i < sql.length() ? sql.substring(pos, i + 1) : null;
  }

  private void skipDollarBody(String tag) {
    int end = sql.indexOf(tag, pos + tag.length());
    pos = end < 0 ? sql.length() : end + tag.length();
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  private static boolean isWordStart(char ch) {
    return Character.isLetter(ch) || ch == '_';
  }

  /**
   * Counts the BEGIN … END nesting of a routine's SQL-standard body, for a statement whose first words are
   * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}; any other statement stays at depth 0.
   */
  private static final class RoutineBody {
    private static final List<String> CREATE_ROUTINE = List.of("create", "function", "procedure");
    private static final List<String> CREATE_OR_REPLACE_ROUTINE = List.of("create", "or", "replace");

    private final List<String> leading = new ArrayList<>(4);
    private int depth;

    void word(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      if (leading.size() < 4) {
        leading.add(w);
      }
      if (!isRoutine()) {
        return;
      }
      switch (w) {
        case "begin" -> depth++;
        case "case" -> depth += depth > 0 ? 1 : 0;
        case "end" -> depth -= depth > 0 ? 1 : 0;
        default -> { }
      }
    }

    int depth() {
      return depth;
    }

    private boolean isRoutine() {
      if (leading.size() >= 2 && leading.get(0).equals(CREATE_ROUTINE.get(0))
          && CREATE_ROUTINE.subList(1, 3).contains(leading.get(1))) {
        return true;
      }
      return leading.size() >= 4 && leading.subList(0, 3).equals(CREATE_OR_REPLACE_ROUTINE)
          && CREATE_ROUTINE.subList(1, 3).contains(leading.get(3));
    }
  }

  private static boolean isIdentifierPart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
  }
}
