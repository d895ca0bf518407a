package dev.hop.core.codegen;

import java.util.HashMap;
import java.util.Map;

/** Resolves type oids from {@code pg_type} rows to {@link PgType}s: domains to their base type, arrays to their element. */
final class TypeCatalog {

  /** One row of {@code pg_type}, as the reader loads it. */
  record Entry(long oid, String schema, String name, char type, char category, long element, long baseType) { }

  private static final int MAX_DEPTH = 32;

  private final Map<Long, Entry> entries = new HashMap<>();

  void add(Entry entry) {
    entries.put(entry.oid(), entry);
  }

  /**
   * The resolved type of {@code oid}; {@code printed} is how PostgreSQL prints the declared type, used to name a
   * type hop does not know.
   */
  PgType resolve(long oid, String printed) {
    PgType type = resolve(oid, printed, 0);
    if (type.kind() == PgType.Kind.ARRAY && type.element().kind() == PgType.Kind.UNKNOWN) {
      return PgType.unknown(printed);
    }
    return type;
  }

  private PgType resolve(long oid, String printed, int depth) {
    Entry entry = entries.get(oid);
    if (entry == null || depth > MAX_DEPTH) {
      return PgType.unknown(printed);
    }
    if (entry.type() == 'd') {
      return resolve(entry.baseType(), printed, depth + 1);
    }
    if (entry.type() == 'e') {
      return PgType.enumType(entry.schema(), entry.name());
    }
    if (entry.category() == 'A' && entry.element() != 0) {
      PgType element = resolve(entry.element(), printed, depth + 1);
      return element.kind() == PgType.Kind.ARRAY ? element : PgType.arrayOf(element);
    }
    return PgType.base(entry.schema(), entry.name());
  }
}
