package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
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

  /** The source of {@code type}'s enum, in the layout of JavaParser's pretty printer. */
  String generate(EnumType type) {
    ClassNames.JavaClass javaClass = names.ofEnum(type.schema(), type.name());
    String name = javaClass.simpleName();
    NameTable constantNames = new NameTable(Set.of("LABEL"));
    List<String> constants = new ArrayList<>();
    for (String label : type.labels()) {
      constants.add(constantNames.claim(JavaNames.constantName(label)) + "(" + Java17.literal(label) + ")");
    }
    String doc = Javadoc.of(type.comment().map(c -> RelationMembers.text(c) + "\n\n<p>").orElse("")
        + "The enum type {@code " + RelationMembers.text(type.schema() + "." + type.name())
        + "}: each constant holds its PostgreSQL label.");
    return "package " + javaClass.packageName() + ";\n\nimport javax.annotation.processing.Generated;\n\n" + doc
        + "@Generated(\"hop\")\npublic enum " + name + " {\n" + (constants.isEmpty() ? "" : "\n")
        + "    " + String.join(", ", constants) + ";\n\n"
        + "    private final String label;\n\n"
        + "    " + name + "(String label) {\n        this.label = label;\n    }\n\n"
        + "    /**\n     * Its label in PostgreSQL.\n     */\n"
        + "    public String label() {\n        return label;\n    }\n\n"
        + "    /**\n     * The constant whose label is {@code label}, or null for null.\n     *\n"
        + "     * @throws IllegalArgumentException when no constant has that label\n     */\n"
        + "    public static " + name + " fromLabel(String label) {\n"
        + "        if (label == null) {\n            return null;\n        }\n"
        + "        for (" + name + " value : values()) {\n"
        + "            if (value.label.equals(label)) {\n                return value;\n            }\n        }\n"
        + "        throw new IllegalArgumentException(\"No " + name + " has the label \" + label);\n    }\n}\n";
  }
}
