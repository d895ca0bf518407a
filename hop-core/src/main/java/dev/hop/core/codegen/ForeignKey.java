package dev.hop.core.codegen;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a relation.
 *
 * @param name the constraint's name
 * @param columns the referencing columns, in key order
 * @param targetSchema the referenced relation's schema
 * @param targetRelation the referenced relation's name
 * @param targetColumns the referenced columns, in key order
 */
public record ForeignKey(String name, List<String> columns, String targetSchema, String targetRelation,
    List<String> targetColumns) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targetSchema, "targetSchema");
    Objects.requireNonNull(targetRelation, "targetRelation");
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
  }

  /** {@code schema.relation(col, ...)}, for Javadoc. */
  public String target() {
    return targetSchema + "." + targetRelation + "(" + String.join(", ", targetColumns) + ")";
  }
}
