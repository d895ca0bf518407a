package dev.hop.core.codegen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table or view as read from the catalog.
 *
 * @param schema its schema's name, as in the catalog
 * @param name its name, as in the catalog
 * @param kind table, partitioned table, view or materialized view
 * @param comment its {@code COMMENT}, if any
 * @param columns its columns in catalog order
 * @param primaryKey the names of its primary-key columns in key order, empty when it has none
 * @param foreignKeys its foreign keys, by constraint name
 */
public record Relation(String schema, String name, Kind kind, Optional<String> comment, List<Column> columns,
    List<String> primaryKey, List<ForeignKey> foreignKeys) {

  /** The kinds of relation hop generates a class for. */
  public enum Kind {
    TABLE("table"), PARTITIONED_TABLE("partitioned table"), VIEW("view"), MATERIALIZED_VIEW("materialized view");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How the catalog's reader would say it, e.g. {@code materialized view}. */
    public String label() {
      return label;
    }

    /** Whether rows can be inserted, updated and deleted through it (views are read-only for hop). */
    public boolean writable() {
      return this == TABLE || this == PARTITIONED_TABLE;
    }
  }

  public Relation {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(comment, "comment");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** Whether the generated class gets find, update and delete by primary key. */
  public boolean hasPrimaryKey() {
    return !primaryKey.isEmpty() && kind.writable();
  }

  /** The columns of the primary key, in key order. */
  public List<Column> primaryKeyColumns() {
    return primaryKey.stream()
        .map(key -> columns.stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow()).toList();
  }

  /** {@code schema.name}, unquoted, for messages and Javadoc. */
  public String qualifiedName() {
    return schema + "." + name;
  }
}
