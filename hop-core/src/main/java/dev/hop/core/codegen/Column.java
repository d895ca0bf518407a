package dev.hop.core.codegen;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a relation.
 *
 * @param name its name, as in the catalog
 * @param type its type, domains resolved to their base type
 * @param sqlType its declared type as PostgreSQL prints it, with modifiers (e.g. {@code numeric(10,2)}, a domain name)
 * @param castType its declared type without modifiers, used to cast bound parameters (e.g. {@code shop.mood[]})
 * @param notNull whether it is {@code NOT NULL}
 * @param defaultValue its default expression, if any
 * @param comment its {@code COMMENT}, if any
 */
public record Column(String name, PgType type, String sqlType, String castType, boolean notNull,
    Optional<String> defaultValue, Optional<String> comment) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(castType, "castType");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(comment, "comment");
  }
}
