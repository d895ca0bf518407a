package dev.hop.core.codegen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL enum type.
 *
 * @param schema its schema's name
 * @param name its name
 * @param labels its labels in sort order
 * @param comment its {@code COMMENT}, if any
 */
public record EnumType(String schema, String name, List<String> labels, Optional<String> comment) {

  public EnumType {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    labels = List.copyOf(labels);
  }
}
