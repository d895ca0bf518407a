package dev.hop.bench.history;

/**
 * The column types of generated tables (all mapped by hop's code generation), with a deterministic value
 * for row number {@code n} (an integer SQL expression such as {@code g} or {@code id + 3}).
 */
enum ColumnType {
  INTEGER("integer", true),
  BIGINT("bigint", true),
  SMALLINT("smallint", true),
  NUMERIC("numeric(12,2)", true),
  DOUBLE("double precision", true),
  BOOLEAN("boolean", true),
  TEXT("text", true),
  VARCHAR("varchar(40)", true),
  DATE("date", true),
  TIMESTAMPTZ("timestamptz", true),
  TIMESTAMP("timestamp", true),
  UUID("uuid", true),
  JSONB("jsonb", false),
  TEXT_ARRAY("text[]", false);

  private final String sql;
  private final boolean indexable;

  ColumnType(String sql, boolean indexable) {
    this.sql = sql;
    this.indexable = indexable;
  }

  String sql() {
    return sql;
  }

  /** Whether a plain b-tree index on it is an ordinary thing to write. */
  boolean indexable() {
    return indexable;
  }

  /** A value of this type computed from the integer expression {@code n}; the same n gives the same value. */
  String value(String n) {
    return switch (this) {
      case INTEGER -> "(" + n + ") * 7 % 1000";
      case BIGINT -> "(" + n + ")::bigint * 1000003";
      case SMALLINT -> "((" + n + ") % 100)::smallint";
      case NUMERIC -> "round((" + n + ") * 3.17, 2)";
      case DOUBLE -> "(" + n + ") / 7.0::double precision";
      case BOOLEAN -> "(" + n + ") % 2 = 0";
      case TEXT -> "'text ' || (" + n + ")";
      case VARCHAR -> "'code-' || (" + n + ")";
      case DATE -> "date '2024-01-01' + (" + n + ")";
      case TIMESTAMPTZ -> "timestamptz '2024-01-01 00:00:00+00' + (" + n + ") * interval '1 hour'";
      case TIMESTAMP -> "timestamp '2024-01-01 00:00:00' + (" + n + ") * interval '1 minute'";
      case UUID -> "md5((" + n + ")::text)::uuid";
      case JSONB -> "jsonb_build_object('n', " + n + ")";
      case TEXT_ARRAY -> "ARRAY['a' || (" + n + "), 'b' || (" + n + ")]";
    };
  }
}
