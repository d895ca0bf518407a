package dev.hop.core.codegen;

import java.util.List;

/**
 * Recognises, without parsing, a relation class that holds nothing but hop's text: laid out exactly as hop writes it
 * (its package, imports, class Javadoc and declaration, then members each marked {@code @Generated("hop")}), as after
 * a schema change to a class nobody edited. Such a file is replaced whole by the fresh class, which is what the merge
 * would give it (every member is hop's), minus JavaParser's start-up in a cold JVM.
 *
 * <p>The test only says yes when sure: any line it does not expect where it expects it (a comment, a member without
 * the mark, another type, a changed class Javadoc, an import outside the JDK that the fresh class does not have,
 * other line endings) sends the file to the merge, which keeps the user's bytes.
 */
final class HopOnlyClass {

  private static final String MARK = "    @Generated(\"hop\")";
  private static final String MEMBER_END = "    }";

  private HopOnlyClass() {
  }

  /** Whether {@code existing}, the file of {@code fresh}'s class, holds only hop's header and generated members. */
  static boolean test(String existing, GeneratedClass fresh) {
    if (existing.indexOf('\r') >= 0 || !existing.endsWith("}\n")) {
      return false;
    }
    List<String> lines = existing.lines().toList();
    List<String> freshLines = fresh.source().lines().toList();
    int body = header(lines, freshLines, fresh.imports());
    return body >= 0 && members(lines, body);
  }

  /**
   * Checks the lines up to the class declaration against the fresh ones: the same package, imports that are the fresh
   * class's or the JDK's (a stale one of hop's goes with the replacement), the same class Javadoc and declaration.
   *
   * @return the index of the first line after the class declaration, or -1
   */
  private static int header(List<String> lines, List<String> freshLines, List<String> freshImports) {
    if (lines.size() < 3 || !lines.get(0).equals(freshLines.get(0)) || !lines.get(1).isEmpty()) {
      return -1;
    }
    int at = 2;
    while (at < lines.size() && lines.get(at).startsWith("import ")) {
      String line = lines.get(at);
      boolean jdk = line.startsWith("import java.") || line.equals("import javax.annotation.processing.Generated;");
      if (!freshImports.contains(line) && !(jdk && line.endsWith(";") && !line.contains("*"))) {
        return -1;
      }
      at++;
    }
    int freshAt = freshLines.indexOf("");
    freshAt = freshAt < 0 ? -1 : skipImports(freshLines, freshAt + 1);
    if (freshAt < 0) {
      return -1;
    }
    // from the blank line after the imports to the class declaration, the files must agree line for line
    while (freshAt < freshLines.size()) {
      String expected = freshLines.get(freshAt);
      if (at >= lines.size() || !lines.get(at).equals(expected)) {
        return -1;
      }
      at++;
      freshAt++;
      if (expected.startsWith("public ")) {
        return at;
      }
    }
    return -1;
  }

  private static int skipImports(List<String> lines, int at) {
    while (at < lines.size() && lines.get(at).startsWith("import ")) {
      at++;
    }
    return at;
  }

  /**
   * Checks that the class body is a run of hop's members, each after one blank line, then the closing brace as the
   * file's last line.
   */
  private static boolean members(List<String> lines, int at) {
    while (at < lines.size()) {
      String line = lines.get(at);
      if (line.equals("}")) {
        return at == lines.size() - 1;
      }
      if (!line.isEmpty() || at + 1 >= lines.size()) {
        return false;
      }
      at = member(lines, at + 1);
      if (at < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * Reads one generated member from {@code at}: an optional Javadoc, the mark, then a declaration at member indentation
   * that ends on its own line with {@code ;}, or opens a block whose lines are all indented deeper (or blank) until
   * {@code "    }"}.
   *
   * @return the index of the line after the member, or -1 when the lines are not a member as hop writes it
   */
  private static int member(List<String> lines, int at) {
    if (lines.get(at).startsWith("    /**")) {
      while (at < lines.size() && !lines.get(at).endsWith("*/")) {
        at++;
        if (at < lines.size() && !lines.get(at).startsWith("     *")) {
          return -1;
        }
      }
      at++;
    }
    if (at + 1 >= lines.size() || !lines.get(at).equals(MARK)) {
      return -1;
    }
    String declaration = lines.get(++at);
    if (declaration.length() < 5 || !declaration.startsWith("    ") || declaration.charAt(4) == ' ') {
      return -1;
    }
    if (declaration.endsWith(";")) {
      return at + 1;
    }
    if (!declaration.endsWith("{")) {
      return -1;
    }
    for (at++; at < lines.size(); at++) {
      String line = lines.get(at);
      if (line.equals(MEMBER_END)) {
        return at + 1;
      }
      if (!line.isEmpty() && !line.startsWith("        ")) {
        return -1;
      }
    }
    return -1;
  }
}
