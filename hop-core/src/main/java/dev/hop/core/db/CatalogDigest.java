package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sums up what an upgrade may change in a database (its user schemas, relations, columns, functions,
 * constraints, indexes, and hop's release and applied-file rows) as one md5, so that "the database is
 * unchanged" is checked rather than assumed.
 */
public final class CatalogDigest {

  private static final String USER = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
      + " AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'";

  private static final String CATALOG = "SELECT md5(coalesce(string_agg(line, E'\\n' ORDER BY line), '')) FROM ("
      + " SELECT 'n ' || n.nspname AS line FROM pg_namespace n WHERE " + USER
      + " UNION ALL SELECT 'c ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text"
      + "   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER
      + " UNION ALL SELECT 'a ' || n.nspname || '.' || c.relname || '.' || a.attname || ' '"
      + "   || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' ' || a.attnum"
      + "   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
      + "   WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER
      + " UNION ALL SELECT 'p ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
      + "   || ') ' || md5(coalesce(p.prosrc, ''))"
      + "   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER
      + " UNION ALL SELECT 'k ' || n.nspname || '.' || r.conname || ' ' || pg_get_constraintdef(r.oid)"
      + "   FROM pg_constraint r JOIN pg_namespace n ON n.oid = r.connamespace WHERE " + USER
      + " ) AS catalog";

  private static final String METADATA = "SELECT (SELECT count(*) FROM half_orm_meta.hop_release) || '/'"
      + " || %s || '/'"
      + " || coalesce((SELECT major || '.' || minor || '.' || patch FROM \"half_orm_meta.view\".hop_last_release), '')";
  private static final String APPLIED = "(SELECT count(*) FROM half_orm_meta.hop_applied_patch)";

  private CatalogDigest() {
  }

  /** The digest of the database {@code c} is connected to, read in {@code c}'s current transaction. */
  public static String of(Connection c) throws DatabaseException {
    try (Statement s = c.createStatement()) {
      String catalog;
      try (ResultSet rs = s.executeQuery(CATALOG)) {
        rs.next();
        catalog = rs.getString(1);
      }
      String rows = "";
      MetadataSchema metadata = new MetadataSchema();
      if (metadata.isInstalled(c)) {
        // half_orm_dev's metadata has no hop_applied_patch
        try (ResultSet rs = s.executeQuery(METADATA.formatted(metadata.isComplete(c) ? APPLIED : "'-'"))) {
          rs.next();
          rows = rs.getString(1);
        }
      }
      return catalog + " " + rows;
    } catch (SQLException e) {
      throw Jdbc.failure("read the catalog digest", c, e);
    }
  }
}
