package dev.hop.core.codegen;

import java.util.Objects;

/**
 * A column type after domains are resolved: a base type, an enum, an array of one of these, or a type hop does
 * not know.
 *
 * @param kind which of these it is
 * @param schema the type's schema ({@code pg_catalog} for built-in types); for an array, the element's
 * @param name the type's name (e.g. {@code int4}); for an array, the element's
 * @param element the element type of an array, null otherwise
 */
public record PgType(Kind kind, String schema, String name, PgType element) {

  /** What a column type is, after domains are resolved. */
  public enum Kind { BASE, ENUM, ARRAY, UNKNOWN }

  public PgType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    if ((kind == Kind.ARRAY) != (element != null)) {
      throw new IllegalArgumentException("An array, and only an array, has an element type: " + kind);
    }
  }

  public static PgType base(String schema, String name) {
    return new PgType(Kind.BASE, schema, name, null);
  }

  /** A built-in type of {@code pg_catalog}, e.g. {@code int4}. */
  public static PgType builtIn(String name) {
    return base("pg_catalog", name);
  }

  public static PgType enumType(String schema, String name) {
    return new PgType(Kind.ENUM, schema, name, null);
  }

  public static PgType arrayOf(PgType element) {
    return new PgType(Kind.ARRAY, element.schema(), element.name(), element);
  }

  /** A type hop has no mapping for; {@code name} is how PostgreSQL prints it. */
  public static PgType unknown(String name) {
    return new PgType(Kind.UNKNOWN, "", name, null);
  }
}
