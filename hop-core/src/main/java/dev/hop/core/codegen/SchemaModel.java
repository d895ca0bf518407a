package dev.hop.core.codegen;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The part of a database schema that code generation needs, sorted so that generation is deterministic.
 *
 * @param relations tables, partitioned tables, views and materialized views, by schema then name
 * @param enums the enum types the relations' columns use, by schema then name
 */
public record SchemaModel(List<Relation> relations, List<EnumType> enums) {

  public SchemaModel {
    relations = relations.stream()
        .sorted(Comparator.comparing(Relation::schema).thenComparing(Relation::name)).toList();
    enums = enums.stream().sorted(Comparator.comparing(EnumType::schema).thenComparing(EnumType::name)).toList();
  }

  /** The enum type {@code schema.name}, which must be in this model. */
  public EnumType enumType(String schema, String name) {
    return enums.stream().filter(e -> e.schema().equals(schema) && e.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No enum type " + schema + "." + name));
  }

  /** The relation {@code schema.name}, which must be in this model. */
  public Relation relation(String schema, String name) {
    Objects.requireNonNull(name, "name");
    return relations.stream().filter(r -> r.schema().equals(schema) && r.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No relation " + schema + "." + name));
  }
}
