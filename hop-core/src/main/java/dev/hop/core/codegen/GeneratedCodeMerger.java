package dev.hop.core.codegen;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import dev.hop.core.errors.GeneratedSourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts freshly generated members into an existing source file by splicing text: members marked
 * {@code @Generated("hop")} are replaced in place (new ones go after the generated member before them, vanished ones
 * go with the blank line above them), missing imports are added after the last import, and every other byte of the
 * file — the user's members, imports, Javadoc, comments and formatting — stays as it was.
 */
final class GeneratedCodeMerger {

  /** Replace {@code [start, end)} of the existing text with {@code text}. */
  private record Edit(int start, int end, String text) { }

  private final JavaParser parser = Java17.parser();

  /**
   * The existing file {@code existing} at {@code path} with the generated members of {@code fresh} (hop's file for
   * the same class, as if new); without parsing when the file is still exactly hop's.
   */
  String merge(Path path, String existing, GeneratedClass fresh) throws GeneratedSourceException {
    if (existing.equals(fresh.source())) {
      return existing;
    }
    SourceText oldText = new SourceText(existing);
    CompilationUnit oldUnit = parse(path, existing);
    TypeDeclaration<?> oldType = oldUnit.getTypes().stream()
        .filter(t -> t.getNameAsString().equals(fresh.simpleName())).findFirst()
        .orElseThrow(() -> new GeneratedSourceException(path, "it does not declare " + fresh.simpleName()));

    List<Edit> edits = new ArrayList<>(imports(oldUnit, fresh.imports(), oldText));
    Map<String, BodyDeclaration<?>> oldMembers = new LinkedHashMap<>();
    generated(oldType).forEach(m -> oldMembers.put(key(m), m));
    Integer after = null;
    Edit insertion = null;
    for (GeneratedMember member : fresh.members()) {
      String memberText = member.text();
      BodyDeclaration<?> old = oldMembers.remove(member.key());
      if (old != null) {
        SourceText.Span span = oldText.lines(old);
        if (!oldText.substring(span).equals(memberText)) {
          edits.add(new Edit(span.start(), span.end(), memberText));
        }
        after = span.end();
        insertion = null;
        continue;
      }
      Edit next = after != null ? new Edit(after, after, "\n" + memberText)
          : firstInsertion(oldType, oldText, memberText);
      if (insertion != null) {
        edits.remove(insertion);
        next = new Edit(insertion.start(), insertion.end(), insertion.text() + next.text());
      }
      edits.add(next);
      insertion = next;
    }
    for (BodyDeclaration<?> gone : oldMembers.values()) {
      SourceText.Span span = oldText.withBlankLineBefore(oldText.lines(gone));
      edits.add(new Edit(span.start(), span.end(), ""));
    }
    return apply(existing, edits);
  }

  /** {@link #merge(Path, String, GeneratedClass)} with hop's file given as text, which is parsed for its members. */
  String merge(Path path, String existing, String fresh) throws GeneratedSourceException {
    return merge(path, existing, members(path, fresh));
  }

  /** The class of {@code source} (a file as hop writes it) with its imports and generated members, as parsed. */
  GeneratedClass members(Path path, String source) throws GeneratedSourceException {
    SourceText text = new SourceText(source);
    CompilationUnit unit = parse(path, source);
    TypeDeclaration<?> type = unit.getType(0);
    return new GeneratedClass(type.getNameAsString(), unit.getImports().stream().map(i -> i.toString().strip())
        .toList(), generated(type).stream().map(m -> new GeneratedMember(key(m), text.substring(text.lines(m))))
        .toList(), source);
  }

  /** Whether the file holds anything that is not hop's: a member, a comment, a supertype or a type of the user. */
  boolean holdsUserCode(String existing) {
    CompilationUnit unit = Java17.parse(parser, existing, new StringBuilder()).orElse(null);
    if (unit == null) {
      return true;
    }
    List<BodyDeclaration<?>> hops = new ArrayList<>();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      if (Java17.isGenerated(type)) {
        hops.add(type);
        continue;
      }
      boolean plain = type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().getExtendedTypes()
          .isEmpty() && type.asClassOrInterfaceDeclaration().getImplementedTypes().isEmpty();
      if (!plain || type.getMembers().stream().anyMatch(m -> !isGenerated(m))) {
        return true;
      }
      hops.addAll(type.getMembers());
    }
    for (Comment comment : unit.getAllComments()) {
      boolean typeJavadoc = comment.getCommentedNode().filter(n -> n instanceof TypeDeclaration).isPresent();
      boolean inHopMember = hops.stream().anyMatch(m -> comment.getCommentedNode().filter(m::equals).isPresent()
          || m.containsWithinRange(comment));
      if (!typeJavadoc && !inHopMember) {
        return true;
      }
    }
    return false;
  }

  private CompilationUnit parse(Path path, String text) throws GeneratedSourceException {
    StringBuilder problem = new StringBuilder();
    return Java17.parse(parser, text, problem).orElseThrow(() -> new GeneratedSourceException(path, problem.toString()));
  }

  private static List<Edit> imports(CompilationUnit oldUnit, List<String> imports, SourceText oldText) {
    List<String> present = oldUnit.getImports().stream().map(ImportDeclaration::toString).map(String::strip).toList();
    String missing = imports.stream().filter(i -> !present.contains(i))
        .map(i -> i + "\n").collect(Collectors.joining());
    if (missing.isEmpty()) {
      return List.of();
    }
    if (oldUnit.getImports().isNonEmpty()) {
      int end = oldText.lines(oldUnit.getImports().getLast().orElseThrow()).end();
      return List.of(new Edit(end, end, missing));
    }
    int end = oldUnit.getPackageDeclaration().map(p -> oldText.lines(p).end()).orElse(0);
    return List.of(new Edit(end, end, "\n" + missing));
  }

  /** Where a generated member goes when no generated member precedes it: before the class's first member. */
  private static Edit firstInsertion(TypeDeclaration<?> type, SourceText text, String memberText) {
    if (type.getMembers().isNonEmpty()) {
      int start = text.lines(type.getMember(0)).start();
      return new Edit(start, start, memberText + "\n");
    }
    int closing = text.lineStart(text.offset(type.getEnd().orElseThrow()));
    return new Edit(closing, closing, "\n" + memberText);
  }

  private static List<BodyDeclaration<?>> generated(TypeDeclaration<?> type) {
    return type.getMembers().stream().filter(GeneratedCodeMerger::isGenerated).toList();
  }

  private static boolean isGenerated(BodyDeclaration<?> member) {
    return Java17.isGenerated(member);
  }

  /** What identifies a member across generations: a field's variables, a method's signature, a type's name. */
  private static String key(BodyDeclaration<?> member) {
    if (member instanceof FieldDeclaration field) {
      return "field " + field.getVariables().stream().map(v -> v.getNameAsString()).collect(Collectors.joining(","));
    }
    if (member instanceof CallableDeclaration<?> callable) {
      return "callable " + callable.getSignature().asString();
    }
    if (member instanceof TypeDeclaration<?> type) {
      return "type " + type.getNameAsString();
    }
    return "other " + member;
  }

  private static String apply(String text, List<Edit> edits) {
    StringBuilder out = new StringBuilder(text);
    edits.stream().sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed())
        .forEach(e -> out.replace(e.start(), e.end(), e.text()));
    return out.toString();
  }
}
