package dev.hop.core.db;

/**
 * Cuts an SQL file into statements the way psql does: on semicolons outside quotes ('', E'', "", $$ and
 * $tag$ bodies), comments ({@code --} and nested block comments) and parentheses; a backslash outside
 * those starts a psql meta-command, reported as such.
 *
 * <p>Like psql (14+), a statement that starts with {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} keeps the
 * semicolons of its SQL-standard body ({@code BEGIN ATOMIC … END}): the words BEGIN, CASE (inside a BEGIN) and
 * END are counted, and a semicolon only ends the statement at depth 0. The words of any other statement are
 * not read past its first ones.
 *
 * <p>It is a cursor: {@link #next()} returns the chunks one by one, and {@link #copyData()} reads the data
 * block that follows a {@code COPY ... FROM stdin} statement.
 */
public final class SqlSplitter {

  private final String sql;
  private final int length;
  private int pos;
  /** The lines counted so far: {@code line} is the line of index {@code lineCountedTo}. */
  private int lineCountedTo;
  private int line = 1;

  public SqlSplitter(String sql) {
    this.sql = sql.startsWith("\uFEFF") ? " " + sql.substring(1) : sql;
    this.length = this.sql.length();
  }

  /** The next chunk, or null at the end of the file. */
  public SqlChunk next() {
    skipBlanksAndComments();
    if (pos >= length) {
      return null;
    }
    int start = pos;
    if (sql.charAt(pos) == '\\') {
      return metaCommand(start);
    }
    int parentheses = 0;
    RoutineBody body = new RoutineBody();
    while (pos < length) {
      char ch = sql.charAt(pos);
      if (body.readsWords() && isWordStart(ch) && (pos == 0 || !isIdentifierPart(sql.charAt(pos - 1)))) {
        pos = body.word(sql, pos);
      } else if (ch == ';' && parentheses == 0 && body.depth() == 0) {
        SqlChunk chunk = chunk(SqlChunk.Kind.STATEMENT, start, pos);
        pos++;
        return chunk;
      } else if (ch == '\\') {
        return metaCommand(pos);
      } else if (!skipQuoteOrComment(ch)) {
        if (ch == '(') {
          parentheses++;
        } else if (ch == ')' && parentheses > 0) {
          parentheses--;
        }
        pos++;
      }
    }
    return chunk(SqlChunk.Kind.STATEMENT, start, length);
  }

  /**
   * Reads the data lines of a {@code COPY ... FROM stdin} just returned by {@link #next()}: from the next
   * line up to the line {@code \.} (consumed, not returned); each returned line ends with a newline.
   */
  public String copyData() {
    skipLine();
    StringBuilder data = new StringBuilder();
    while (pos < length) {
      int end = sql.indexOf('\n', pos);
      String dataLine = end < 0 ? sql.substring(pos) : sql.substring(pos, end);
      pos = end < 0 ? length : end + 1;
      String bare = dataLine.endsWith("\r") ? dataLine.substring(0, dataLine.length() - 1) : dataLine;
      if (bare.equals("\\.")) {
        break;
      }
      data.append(bare).append('\n');
    }
    return data.toString();
  }

  private SqlChunk metaCommand(int start) {
    int end = sql.indexOf('\n', start);
    end = end < 0 ? length : end;
    SqlChunk chunk = chunk(SqlChunk.Kind.META_COMMAND, start, end);
    pos = end;
    return chunk;
  }

  private SqlChunk chunk(SqlChunk.Kind kind, int start, int end) {
    String text = sql.substring(start, end).stripTrailing();
    return new SqlChunk(kind, text, start, lineOf(start), TextPosition.column(sql, start));
  }

  /** The line of {@code index}, counting on from the last chunk's (chunks come in order). */
  private int lineOf(int index) {
    if (index < lineCountedTo) {
      lineCountedTo = 0;
      line = 1;
    }
    for (int i = lineCountedTo; i < index; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    lineCountedTo = index;
    return line;
  }

  private void skipBlanksAndComments() {
    while (pos < length) {
      char ch = sql.charAt(pos);
      if (Character.isWhitespace(ch) || ch == ';') {
        pos++;
      } else if (!skipComment(ch)) {
        return;
      }
    }
  }

  /** Skips the quoted text, dollar-quoted body or comment that starts at pos; false when none does. */
  private boolean skipQuoteOrComment(char ch) {
    switch (ch) {
      case '\'' -> skipString(isEscapeString());
      case '"' -> skipQuotedIdentifier();
      case '$' -> {
        String tag = dollarTag();
        if (tag == null) {
          return false;
        }
        skipDollarBody(tag);
      }
      default -> {
        return skipComment(ch);
      }
    }
    return true;
  }

  /** Skips the comment that starts at pos; false when none does. */
  private boolean skipComment(char ch) {
    if (ch == '-' && peek(1) == '-') {
      skipLine();
      return true;
    }
    if (ch == '/' && peek(1) == '*') {
      skipBlockComment();
      return true;
    }
    return false;
  }

  private void skipLine() {
    int end = sql.indexOf('\n', pos);
    pos = end < 0 ? length : end + 1;
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < length) {
      char ch = sql.charAt(pos);
      if (ch == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (ch == '*' && peek(1) == '/') {
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
    while (pos < length) {
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
    while (pos < length) {
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
    while (i < length && sql.charAt(i) != '$') {
      char ch = sql.charAt(i);
      if (i == pos + 1 ? !isWordStart(ch) : !isIdentifierPart(ch)) {
        return null;
      }
      i++;
    }
    return i < length ? sql.substring(pos, i + 1) : null;
  }

  private void skipDollarBody(String tag) {
    int end = sql.indexOf(tag, pos + tag.length());
    pos = end < 0 ? length : end + tag.length();
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < length ? sql.charAt(i) : '\0';
  }

  static boolean isWordStart(char ch) {
    return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || ch >= 0x80 && Character.isLetter(ch);
  }

  static boolean isIdentifierPart(char ch) {
    return isWordStart(ch) || ch >= '0' && ch <= '9' || ch == '$' || ch >= 0x80 && Character.isDigit(ch);
  }
}
