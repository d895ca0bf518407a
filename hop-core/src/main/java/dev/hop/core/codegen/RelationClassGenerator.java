package dev.hop.core.codegen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates the class of one relation: name constants, the {@code Row} record and plain-JDBC helpers, every member
 * marked {@code @Generated("hop")}; a pure function of the model.
 */
final class RelationClassGenerator {

  private final ClassNames names;
  private final TypeMapper types;

  RelationClassGenerator(ClassNames names, TypeMapper types) {
    this.names = names;
    this.types = types;
  }

  /** The compilation unit of {@code relation}'s class, as hop writes it when the file does not exist yet. */
  CompilationUnit generate(Relation relation) {
    ClassNames.JavaClass javaClass = names.of(relation);
    List<JavaType> columnTypes = relation.columns().stream()
        .map(c -> types.map(c.type(), javaClass.packageName())).toList();
    RelationMembers members = new RelationMembers(relation, columnTypes, new RelationSql(relation, columnTypes));

    CompilationUnit unit = new CompilationUnit(javaClass.packageName());
    imports(relation, columnTypes).forEach(unit::addImport);
    ClassOrInterfaceDeclaration type = unit.addClass(javaClass.simpleName(), Modifier.Keyword.PUBLIC,
        Modifier.Keyword.FINAL);
    type.setJavadocComment(classJavadoc(relation));
    members.all().forEach(member -> type.addMember(Java17.member(member)));
    return unit;
  }

  private static TreeSet<String> imports(Relation relation, List<JavaType> columnTypes) {
    TreeSet<String> imports = new TreeSet<>(List.of("java.sql.Connection", "java.sql.PreparedStatement",
        "java.sql.ResultSet", "java.sql.SQLException", "java.util.ArrayList", "java.util.List",
        "javax.annotation.processing.Generated"));
    columnTypes.forEach(t -> imports.addAll(t.imports()));
    if (columnTypes.stream().anyMatch(JavaType::array)) {
      imports.addAll(List.of("java.sql.Array", "java.util.Collections", "java.util.function.Function"));
    }
    if (relation.kind().writable()) {
      imports.add("java.util.StringJoiner");
    }
    if (relation.hasPrimaryKey()) {
      imports.add("java.util.Optional");
    }
    return imports;
  }

  private static String classJavadoc(Relation relation) {
    List<String> lines = new ArrayList<>();
    relation.comment().ifPresent(c -> lines.addAll(List.of(RelationMembers.text(c), "")));
    lines.add((relation.comment().isPresent() ? "<p>" : "") + "Rows of the " + relation.kind().label() + " {@code "
        + RelationMembers.text(relation.qualifiedName()) + "}" + (relation.kind().writable() ? "" : " (read-only)")
        + ", through plain JDBC.");
    lines.add("");
    lines.add("<p>hop regenerates the members marked {@code @Generated(\"hop\")}; everything else in this file is"
        + " yours and kept as written.");
    return lines.stream().map(l -> l.isEmpty() ? "" : " " + l).collect(Collectors.joining("\n *", "\n *", "\n "));
  }
}
