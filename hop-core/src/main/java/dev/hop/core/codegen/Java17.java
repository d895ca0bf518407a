package dev.hop.core.codegen;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.Optional;

/** Parses Java source at language level 17 (JavaParser's default level rejects records) and spells Java and SQL text. */
final class Java17 {

  private Java17() {
  }

  /** A parser at language level 17; not thread-safe, so each user keeps its own. */
  static JavaParser parser() {
    return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  }

  /** The compilation unit of {@code source}, or empty when it does not parse; {@code problem} gets the first error. */
  static Optional<CompilationUnit> parse(JavaParser parser, String source, StringBuilder problem) {
    ParseResult<CompilationUnit> result = parser.parse(source);
    if (result.isSuccessful() && result.getResult().isPresent()) {
      return result.getResult();
    }
    problem.append(result.getProblems().isEmpty() ? "it does not parse" : result.getProblem(0).getVerboseMessage());
    return Optional.empty();
  }

  /** Whether {@code node} carries {@code @Generated("hop")} (simple or qualified name, single or named value). */
  static boolean isGenerated(NodeWithAnnotations<?> node) {
    for (AnnotationExpr annotation : node.getAnnotations()) {
      String name = annotation.getNameAsString();
      if (name.equals("Generated") || name.equals("javax.annotation.processing.Generated")) {
        if (annotation instanceof SingleMemberAnnotationExpr single && isHop(single.getMemberValue())) {
          return true;
        }
        if (annotation instanceof NormalAnnotationExpr normal && normal.getPairs().stream()
            .anyMatch(p -> p.getNameAsString().equals("value") && isHop(p.getValue()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isHop(Node value) {
    return value instanceof StringLiteralExpr literal && literal.getValue().equals("hop");
  }

  /** {@code text} as a Java string literal, quotes included. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code text} made safe inside a Javadoc comment: HTML and comment terminators escaped, no tags, no unicode escapes. */
  static String javadocText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
        .replace("@", "&#64;").replace("\\", "&#92;").strip();
  }

  /** {@code name} quoted as an SQL identifier, always, so that keywords and mixed case need no special case. */
  static String sqlIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
