package dev.hop.core.codegen;

import dev.hop.core.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The digest of everything a relation's generated class is made from, bar hop's own build (which
 * {@link GenerationCache} keys its whole file to): the relation as read from the catalog, with its columns, their
 * types, its primary and foreign keys and every comment, and the naming context of the run, i.e. the base package
 * and the class of every relation and enum type of the model. A class refers to other generated classes (enum types)
 * and its name depends on its neighbours' (a clash gives {@code _2}), so any change to any name changes every
 * relation's digest: such runs regenerate all classes, which is rare and safe.
 *
 * <p>Values are written length-prefixed (or counted, or marked present or absent) before hashing, so two different
 * inputs never give the same text, whatever their names and comments hold. {@code GenerationInputsTest} fails when a
 * record gains a component this class does not write.
 */
final class GenerationInputs {

  private final String naming;

  /** The inputs of {@code model}'s relations with the classes {@code names} gives them below {@code basePackage}. */
  GenerationInputs(SchemaModel model, ClassNames names, String basePackage) {
    StringBuilder out = new StringBuilder("naming ");
    text(out, basePackage);
    out.append(model.relations().size()).append('r');
    for (Relation relation : model.relations()) {
      text(out, relation.schema());
      text(out, relation.name());
      text(out, names.of(relation).qualifiedName());
    }
    out.append(model.enums().size()).append('e');
    for (EnumType type : model.enums()) {
      text(out, type.schema());
      text(out, type.name());
      text(out, names.ofEnum(type.schema(), type.name()).qualifiedName());
    }
    this.naming = sha256(out);
  }

  /** The lower-case hex SHA-256 of {@code relation} in this run's naming context. */
  String of(Relation relation) {
    StringBuilder out = new StringBuilder(512).append(naming).append(" relation ");
    text(out, relation.schema());
    text(out, relation.name());
    text(out, relation.kind().name());
    text(out, relation.comment());
    out.append(relation.columns().size()).append('c');
    for (Column column : relation.columns()) {
      text(out, column.name());
      type(out, column.type());
      text(out, column.sqlType());
      text(out, column.castType());
      out.append(column.notNull() ? 'N' : 'n');
      out.append(column.generated() ? 'G' : 'g');
      text(out, column.defaultValue());
      text(out, column.comment());
    }
    texts(out, relation.primaryKey());
    out.append(relation.foreignKeys().size()).append('f');
    for (ForeignKey key : relation.foreignKeys()) {
      text(out, key.name());
      texts(out, key.columns());
      text(out, key.targetSchema());
      text(out, key.targetRelation());
      texts(out, key.targetColumns());
    }
    return sha256(out);
  }

  private static void type(StringBuilder out, PgType type) {
    text(out, type.kind().name());
    text(out, type.schema());
    text(out, type.name());
    if (type.element() == null) {
      out.append('-');
    } else {
      out.append('+');
      type(out, type.element());
    }
  }

  private static void texts(StringBuilder out, List<String> values) {
    out.append(values.size()).append('[');
    for (String value : values) {
      text(out, value);
    }
  }

  private static void text(StringBuilder out, Optional<String> value) {
    if (value.isPresent()) {
      out.append('+');
      text(out, value.get());
    } else {
      out.append('-');
    }
  }

  private static void text(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value);
  }

  private static String sha256(StringBuilder text) {
    return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
