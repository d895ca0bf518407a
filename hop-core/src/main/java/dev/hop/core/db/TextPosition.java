package dev.hop.core.db;

/** Turns an index in a text into the 1-based line and column (in code points) an editor shows. */
final class TextPosition {

  private TextPosition() {
  }

  static int line(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int column(String text, int index) {
    int end = Math.min(index, text.length());
    int lineStart = text.lastIndexOf('\n', end - 1) + 1;
    return text.codePointCount(lineStart, end) + 1;
  }

  /**
   * The index in {@code text} of the server's 1-based error position (counted in characters, i.e. code
   * points) inside the statement that starts at {@code statementOffset}.
   */
  static int offsetOf(String text, int statementOffset, int serverPosition) {
    try {
      return text.offsetByCodePoints(statementOffset, Math.max(0, serverPosition - 1));
    } catch (IndexOutOfBoundsException e) {
      return statementOffset;
    }
  }
}
