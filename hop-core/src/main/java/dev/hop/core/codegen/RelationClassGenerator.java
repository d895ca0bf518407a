package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates the class of one relation: name constants, the {@code Row} record and plain-JDBC helpers, every member
 * marked {@code @Generated("hop")}; a pure function of the model, written as text in the layout of JavaParser's
 * pretty printer.
 */
final class RelationClassGenerator {

  private final ClassNames names;
  private final TypeMapper types;

  RelationClassGenerator(ClassNames names, TypeMapper types) {
    this.names = names;
    this.types = types;
  }

  /** The class of {@code relation}, as hop writes it when the file does not exist yet. */
  GeneratedClass generate(Relation relation) {
    ClassNames.JavaClass javaClass = names.of(relation);
    List<JavaType> columnTypes = relation.columns().stream()
        .map(c -> types.map(c.type(), javaClass.packageName())).toList();
    List<GeneratedMember> members = new RelationMembers(relation, columnTypes,
        new RelationSql(relation, columnTypes)).all();
    List<String> imports = imports(relation, columnTypes).stream().map(i -> "import " + i + ";").toList();

    StringBuilder source = new StringBuilder("package ").append(javaClass.packageName()).append(";\n\n");
    imports.forEach(i -> source.append(i).append('\n'));
    source.append('\n').append(Javadoc.ofContent(classJavadoc(relation)))
        .append("public final class ").append(javaClass.simpleName()).append(" {\n");
    members.forEach(m -> source.append('\n').append(m.text()));
    source.append("}\n");
    return new GeneratedClass(javaClass.simpleName(), imports, members, source.toString());
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
