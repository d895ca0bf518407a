package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.db.SchemaSnapshot;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.TreeReader;
import dev.hop.core.release.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database's schema compared with a release's snapshot ({@code model/schema-X.Y.Z.sql}), object by object
 * ({@link SchemaDiff}), hop's metadata left out. The snapshot is loaded into a scratch database on the database's own
 * server ({@code <database>_<suffix>}, marked as hop's and dropped at once, even on failure): the same server and
 * the same pg_dump then write both sides, so that an untouched database compares equal whatever PostgreSQL version
 * production runs; the project's embedded server would write nothing on production's server, but a different major
 * version prints some definitions differently. The role needs CREATEDB on that server.
 */
public final class SchemaCheck {
  private final Project project;
  private final DatabaseTarget database;
  private final DatabaseTarget scratch;
  private final Path pgDump;

  private SchemaCheck(Project project, DatabaseTarget database, DatabaseTarget scratch, Path pgDump) {
    this.project = project;
    this.database = database;
    this.scratch = scratch;
    this.pgDump = pgDump;
  }

  /** A release's schema and metadata snapshots. */
  public record Snapshot(Version version, byte[] schema, byte[] metadata) {
  }

  /**
   * Checks, changing nothing, that a pg_dump for the database's server is found and that the scratch database is
   * free for hop to use.
   *
   * @param suffix the scratch database's suffix, e.g. {@code check}
   * @param action what the goal does with the scratch database, for a refusal
   */
  public static SchemaCheck prepare(Project project, DatabaseTarget database, String suffix, String action)
      throws HopException {
    Path pgDump;
    try (Connection c = database.connect()) {
      ServerVersion v = ServerVersion.of(c);
      pgDump = PgTools.of(project.settings().pgBin()).locate("pg_dump", v.major(), v.text());
    } catch (SQLException e) {
      throw DatabaseException.of("read the server version", database.database(), database.server(), e);
    }
    DatabaseTarget scratch = ScratchDatabase.targetFor(database, suffix);
    ScratchDatabase.checkUsable(scratch, project.settings().hints(), action);
    return new SchemaCheck(project, database, scratch, pgDump);
  }

  /**
   * The snapshots of production release {@code version} as its tag holds them; those of 0.0.0, the archetype's
   * empty schema, which no tag marks, as the checked-out commit holds them.
   *
   * @throws RepositoryStateException MISSING_REF when the tag or the snapshots at it are missing
   */
  public static Snapshot atTag(Project project, Version version) throws HopException {
    String tag = version.equals(Version.ZERO) ? TreeReader.CHECKED_OUT : UpgradePlan.tagOf(version);
    TreeReader reader = new TreeReader(project.git());
    String schema = "model/schema-" + version + ".sql";
    String metadata = "model/metadata-" + version + ".sql";
    byte[] schemaBytes = reader.file(tag, schema).orElseThrow(() -> missing(tag, schema));
    byte[] metadataBytes = reader.file(tag, metadata).orElseThrow(() -> missing(tag, metadata));
    return new Snapshot(version, schemaBytes, metadataBytes);
  }

  private static RepositoryStateException missing(String tag, String file) {
    return new RepositoryStateException(RepositoryStateException.Reason.MISSING_REF, tag, List.of(file),
        "Tag " + tag + " has no " + file + ": hop compares a database with the snapshot its release committed."
        + " Fetch the tags with: git fetch --tags origin");
  }

  /** The scratch database the snapshot is loaded into. */
  public DatabaseTarget scratch() {
    return scratch;
  }

  /** The pg_dump that reads both sides. */
  public Path pgDump() {
    return pgDump;
  }

  /**
   * The objects of the database that differ from {@code snapshot}, in a stable order.
   *
   * @param next the command to run once a failure to load the snapshot is fixed
   */
  public List<SchemaDiff.Difference> differences(Snapshot snapshot, String next) throws HopException {
    CommandHints hints = project.settings().hints();
    SchemaSnapshot dump = new SchemaSnapshot(pgDump);
    byte[] reference;
    try (ScratchDatabase copy = ScratchDatabase.loaded(scratch, snapshot.version(), snapshot.schema(),
        snapshot.metadata(), hints, project.events(), next)) {
      reference = dump.userSchema(copy.target(), List.of());
    }
    byte[] actual = dump.userSchema(database, List.of());
    return SchemaDiff.between(new String(reference, StandardCharsets.UTF_8), new String(actual,
        StandardCharsets.UTF_8));
  }
}
