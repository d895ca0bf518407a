package dev.hop.core.codegen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.Name;
import java.util.Set;

/**
 * Generates the Java enum of a PostgreSQL enum type: one constant per label, in sort order, each knowing its label;
 * the whole file is hop's (the type itself is marked {@code @Generated("hop")}).
 */
final class EnumGenerator {

  private final ClassNames names;

  EnumGenerator(ClassNames names) {
    this.names = names;
  }

  CompilationUnit generate(EnumType type) {
    ClassNames.JavaClass javaClass = names.ofEnum(type.schema(), type.name());
    CompilationUnit unit = new CompilationUnit(javaClass.packageName());
    unit.addImport("javax.annotation.processing.Generated");
    EnumDeclaration declaration = unit.addEnum(javaClass.simpleName(), Modifier.Keyword.PUBLIC);
    declaration.setJavadocComment(RelationMembers.javadoc(type.comment().map(c -> RelationMembers.text(c) + "\n\n<p>")
        .orElse("") + "The enum type {@code " + RelationMembers.text(type.schema() + "." + type.name())
        + "}: each constant holds its PostgreSQL label.").replaceAll("^/\\*\\*|\\*/\n$", ""));
    declaration.addAnnotation(new SingleMemberAnnotationExpr(new Name("Generated"), new StringLiteralExpr("hop")));
    NameTable constants = new NameTable(Set.of("LABEL"));
    for (String label : type.labels()) {
      EnumConstantDeclaration constant = declaration.addEnumConstant(constants.claim(JavaNames.constantName(label)));
      String literal = Java17.literal(label);
      constant.addArgument(new StringLiteralExpr(literal.substring(1, literal.length() - 1)));
    }
    declaration.addMember(Java17.member("private final String label;"));
    declaration.addMember(Java17.member(javaClass.simpleName() + "(String label) {\n  this.label = label;\n}"));
    declaration.addMember(Java17.member(RelationMembers.javadoc("Its label in PostgreSQL.")
        + "public String label() {\n  return label;\n}"));
    declaration.addMember(Java17.member(RelationMembers.javadoc("The constant whose label is {@code label}, or null"
        + " for null.\n\n@throws IllegalArgumentException when no constant has that label") + "public static "
        + javaClass.simpleName() + " fromLabel(String label) {\n  if (label == null) {\n    return null;\n  }\n"
        + "  for (" + javaClass.simpleName() + " value : values()) {\n    if (value.label.equals(label)) {\n"
        + "      return value;\n    }\n  }\n  throw new IllegalArgumentException(\"No " + javaClass.simpleName()
        + " has the label \" + label);\n}"));
    return unit;
  }

}
