package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a Javadoc comment in the layout JavaParser's pretty printer gives it (hop's files were first printed that
 * way): lines split at any line break, leading stars and trailing blanks dropped, blank runs collapsed to one.
 */
final class Javadoc {

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private Javadoc() {
  }

  /** The comment holding {@code text}, one {@code  * } line per line of it, ending with a line break. */
  static String of(String text) {
    StringBuilder content = new StringBuilder("\n");
    text.lines().forEach(l -> content.append(l.isEmpty() ? " *" : " * " + l).append('\n'));
    return ofContent(content.toString());
  }

  /** The comment whose raw content (between the delimiters) is {@code content}, ending with a line break. */
  static String ofContent(String content) {
    List<String> lines = new ArrayList<>();
    for (String line : LINE_BREAK.split(content, -1)) {
      String trimmed = line.trim();
      lines.add(stripTrailing(trimmed.startsWith("*") ? trimmed.substring(1) : line));
    }
    boolean extraSpace = lines.stream().anyMatch(l -> !l.isEmpty() && !l.startsWith(" "));
    StringBuilder out = new StringBuilder("/**\n");
    boolean started = false;
    boolean blank = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        blank = started;
        continue;
      }
      if (blank) {
        out.append(" *\n");
        blank = false;
      }
      started = true;
      out.append(" *").append(extraSpace ? " " : "").append(line).append('\n');
    }
    return out.append(" */\n").toString();
  }

  /** {@code line} without the characters up to a space at its end, as the printer trims them. */
  private static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) <= ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
