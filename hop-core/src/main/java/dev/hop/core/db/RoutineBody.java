package dev.hop.core.db;

/**
 * Reads the first words of a statement to tell whether it is {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, and
 * then, for such a routine only, counts the BEGIN … END nesting of its SQL-standard body; any other statement
 * stays at depth 0 and has no more words read.
 */
final class RoutineBody {
  private enum Kind { UNDECIDED, ROUTINE, OTHER }

  private Kind kind = Kind.UNDECIDED;
  private int words;
  private int depth;

  boolean readsWords() {
    return kind != Kind.OTHER;
  }

  int depth() {
    return depth;
  }

  /** Reads the word at {@code start}; returns where it ends (at a {@code $}, which may open a body). */
  int word(String sql, int start) {
    int end = start + 1;
    while (end < sql.length() && sql.charAt(end) != '$' && SqlSplitter.isIdentifierPart(sql.charAt(end))) {
      end++;
    }
    if (kind == Kind.ROUTINE) {
      count(sql, start, end);
    } else {
      decide(sql, start, end);
    }
    return end;
  }

  /** From the words CREATE, then FUNCTION or PROCEDURE, or OR REPLACE and one of them. */
  private void decide(String sql, int start, int end) {
    boolean routine = is(sql, start, end, "function") || is(sql, start, end, "procedure");
    boolean expected = switch (words++) {
      case 0 -> is(sql, start, end, "create");
      case 1 -> routine || is(sql, start, end, "or");
      case 2 -> is(sql, start, end, "replace");
      default -> routine;
    };
    if (!expected) {
      kind = Kind.OTHER;
    } else if (routine) {
      kind = Kind.ROUTINE;
    }
  }

  private void count(String sql, int start, int end) {
    if (is(sql, start, end, "begin")) {
      depth++;
    } else if (depth > 0 && is(sql, start, end, "case")) {
      depth++;
    } else if (depth > 0 && is(sql, start, end, "end")) {
      depth--;
    }
  }

  /** Whether the text from start to end is {@code word} (lower-case ASCII) in any case, as PostgreSQL folds it. */
  private static boolean is(String sql, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char ch = sql.charAt(start + i);
      if ((ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
