package dev.hop.core.codegen;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a relation.
 *
 * @param name its name, as in the catalog
 * @param type its type, domains resolved to their base type
 * @param sqlType its declared type as PostgreSQL prints it, with modifiers (e.g. {@code numeric(10,2)}, a domain name)
 * @param castType the type bound parameters are cast to (e.g. {@code shop.mood[]}): the declared type without
 *     modifiers, so that the column's own type applies them as an assignment does; but {@code bit varying} for
 *     {@code bit(n)} and {@code text} for {@code character(n)}, whose unmodified forms mean a length of 1
 * @param notNull whether it is {@code NOT NULL}
 * @param defaultValue its default expression, if any
 * @param comment its {@code COMMENT}, if any
 * @param generated whether the database computes it ({@code GENERATED ALWAYS AS (...) STORED} or
 *     {@code GENERATED ALWAYS AS IDENTITY}): it is read, never written
 */
public record Column(String name, PgType type, String sqlType, String castType, boolean notNull,
    Optional<String> defaultValue, Optional<String> comment, boolean generated) {

  /** A column the database does not compute. */
  public Column(String name, PgType type, String sqlType, String castType, boolean notNull,
      Optional<String> defaultValue, Optional<String> comment) {
    this(name, type, sqlType, castType, notNull, defaultValue, comment, false);
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(castType, "castType");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(comment, "comment");
  }
}
