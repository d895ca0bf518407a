package dev.hop.core.db;

import dev.hop.core.errors.PgToolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes the production snapshots of a database with pg_dump: the schema ({@code --schema-only}) and the
 * metadata rows ({@code --data-only --inserts} of {@code half_orm_meta}), both stable: the same database
 * gives the same bytes (the version header and the random {@code \restrict} key lines are left out).
 */
public final class SchemaSnapshot {

  private static final Pattern VOLATILE = Pattern.compile(
      "(?m)^(-- Dumped from database version .*|-- Dumped by pg_dump version .*|\\\\(un)?restrict .*)\\R");
  private static final List<String> COMMON = List.of("--no-owner", "--no-privileges", "--encoding=UTF8");

  private final Path pgDump;

  /**
   * @param pgDump the pg_dump to run (see {@link PgTools})
   */
  public SchemaSnapshot(Path pgDump) {
    this.pgDump = pgDump;
  }

  /** The schema of {@code target}, as {@code model/schema-X.Y.Z.sql} holds it. */
  public byte[] schema(DatabaseTarget target) throws PgToolException {
    return dump(target, List.of("--schema-only"));
  }

  /**
   * The schema of {@code target} without hop's metadata schemas ({@code half_orm_meta} and
   * {@code "half_orm_meta.view"}): what an adoption takes, and what comparisons read.
   *
   * @param schemas the schemas to take, all when empty
   */
  public byte[] userSchema(DatabaseTarget target, List<String> schemas) throws PgToolException {
    List<String> options = new ArrayList<>(List.of("--schema-only", "--exclude-schema=half_orm_meta*"));
    schemas.forEach(schema -> options.add("--schema=" + quoted(schema)));
    return dump(target, options);
  }

  /** The rows of {@code half_orm_meta}, as {@code model/metadata-X.Y.Z.sql} holds them. */
  public byte[] metadata(DatabaseTarget target) throws PgToolException {
    return dump(target, List.of("--data-only", "--inserts", "--schema=half_orm_meta"));
  }

  private byte[] dump(DatabaseTarget target, List<String> options) throws PgToolException {
    List<String> args = new ArrayList<>(COMMON);
    args.addAll(options);
    byte[] raw = PgToolRunner.run(pgDump, target, args, Optional.empty());
    return stable(new String(raw, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  /** A schema name as a pg_dump pattern that matches it exactly (double quotes: no wildcard, case kept). */
  private static String quoted(String schema) {
    return '"' + schema.replace("\"", "\"\"") + '"';
  }

  /** Drops the lines that differ between two dumps of the same database. */
  static String stable(String dump) {
    return VOLATILE.matcher(dump).replaceAll("");
  }
}
