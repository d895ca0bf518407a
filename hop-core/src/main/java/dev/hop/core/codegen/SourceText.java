package dev.hop.core.codegen;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one source file with its line starts, to turn JavaParser positions into offsets and to take or
 * edit whole lines of it; line ends are {@code \n}, {@code \r\n} or {@code \r}, as JavaParser counts them.
 */
final class SourceText {

  /** A range of the text, {@code [start, end)}. */
  record Span(int start, int end) { }

  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();

  SourceText(String text) {
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        lineStarts.add(i + 1);
      }
    }
  }

  String text() {
    return text;
  }

  /** The offset of a JavaParser position (1-based line and column). */
  int offset(Position position) {
    return lineStarts.get(position.line - 1) + position.column - 1;
  }

  /**
   * The whole lines that {@code node} and its comment stand on, from the start of the first line to just after
   * the line end of the last.
   */
  Span lines(Node node) {
    Position begin = node.getBegin().orElseThrow();
    if (node.getComment().isPresent() && node.getComment().get().getBegin().isPresent()) {
      Position commentBegin = node.getComment().get().getBegin().get();
      begin = commentBegin.isBefore(begin) ? commentBegin : begin;
    }
    Position end = node.getEnd().orElseThrow();
    return new Span(lineStarts.get(begin.line - 1), end.line < lineStarts.size() ? lineStarts.get(end.line)
        : text.length());
  }

  /** The start of the line holding {@code offset}. */
  int lineStart(int offset) {
    int line = 0;
    while (line + 1 < lineStarts.size() && lineStarts.get(line + 1) <= offset) {
      line++;
    }
    return lineStarts.get(line);
  }

  /** {@code span} widened to the blank line just before it, if there is one. */
  Span withBlankLineBefore(Span span) {
    if (span.start() == 0) {
      return span;
    }
    int previous = lineStart(span.start() - 1);
    return text.substring(previous, span.start()).isBlank() ? new Span(previous, span.end()) : span;
  }

  String substring(Span span) {
    return text.substring(span.start(), span.end());
  }
}
