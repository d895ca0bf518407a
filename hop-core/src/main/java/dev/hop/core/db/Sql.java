package dev.hop.core.db;

/** Quotes identifiers and literals for the few statements hop must build around a name. */
final class Sql {

  private Sql() {
  }

  /** {@code "name"}, doubling inner quotes. */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code 'text'}, doubling inner quotes (standard_conforming_strings is on since PostgreSQL 9.1). */
  static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
