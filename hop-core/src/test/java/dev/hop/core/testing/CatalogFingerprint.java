package dev.hop.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sums up a database's user-visible catalog (schemas, relations, columns, functions, constraints, indexes)
 * as one md5, so that a test can say "nothing changed" or "these two databases have the same schema".
 */
public final class CatalogFingerprint {

  private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
      + " AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

  private static final String QUERY = "SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM ("
      + " SELECT 'n ' || n.nspname AS line FROM pg_namespace n WHERE " + USER_SCHEMAS
      + " UNION ALL SELECT 'c ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text"
      + "   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS
      + " UNION ALL SELECT 'a ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '"
      + "   || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || a.attnum"
      + "   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
      + "   WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMAS
      + " UNION ALL SELECT 'p ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
      + "   || ') ' || md5(coalesce(p.prosrc, ''))"
      + "   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS
      + " UNION ALL SELECT 'k ' || n.nspname || '.' || r.conname || ' ' || pg_get_constraintdef(r.oid)"
      + "   FROM pg_constraint r JOIN pg_namespace n ON n.oid = r.connamespace WHERE " + USER_SCHEMAS
      + " UNION ALL SELECT 'i ' || schemaname || '.' || indexname || ' ' || indexdef FROM pg_indexes n"
      + "   WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
      + " ) AS catalog";

  private CatalogFingerprint() {
  }

  /** The md5 of the catalog of the database {@code c} is connected to (null for an empty catalog). */
  public static String of(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
