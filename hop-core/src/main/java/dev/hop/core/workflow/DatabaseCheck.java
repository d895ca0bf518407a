package dev.hop.core.workflow;

import dev.hop.core.db.AppliedScript;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.RecordedRelease;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One production database compared with its releases: what {@code check} reports of it. {@link #read} takes what the
 * comparison needs (the database's metadata, the snapshot of its version at the tag) and changes nothing; then
 * {@link #files()} compares its applied files with Git and {@link #schema} its schema with the snapshot.
 */
public final class DatabaseCheck {
  private final Project project;
  private final ProductionDatabase database;
  private final Releases releases;
  private final Version version;
  private final List<RecordedRelease> recorded;
  private final List<AppliedScript> applied;
  private final Optional<SchemaCheck> schemaCheck;
  private final Optional<SchemaCheck.Snapshot> snapshot;

  private DatabaseCheck(Project project, ProductionDatabase database, Releases releases, Version version,
      List<RecordedRelease> recorded, List<AppliedScript> applied, Optional<SchemaCheck> schemaCheck,
      Optional<SchemaCheck.Snapshot> snapshot) {
    this.project = project;
    this.database = database;
    this.releases = releases;
    this.version = version;
    this.recorded = recorded;
    this.applied = applied;
    this.schemaCheck = schemaCheck;
    this.snapshot = snapshot;
  }

  /**
   * Reads the database's version, releases and applied files, and, when the schema is compared, finds pg_dump and
   * the snapshot of its version and checks the scratch database is free.
   *
   * @throws dev.hop.core.errors.ProductionDatabaseException NO_METADATA for a database without hop's metadata
   */
  public static DatabaseCheck read(Project project, ProductionDatabase database, Releases releases, boolean schema,
      String goal) throws HopException {
    MetadataSchema metadata = new MetadataSchema();
    Version version;
    List<RecordedRelease> recorded;
    List<AppliedScript> applied;
    try (Connection c = database.target().connect()) {
      version = database.version(c);
      recorded = metadata.releases(c);
      applied = metadata.isComplete(c) ? metadata.applied(c) : List.of();
    } catch (SQLException e) {
      throw DatabaseException.of("read half_orm_meta", database.name(), database.server().describe(), e);
    }
    Optional<SchemaCheck> schemaCheck = schema ? Optional.of(SchemaCheck.prepare(project, database.target(),
        goal, "load the snapshot of " + version + " into")) : Optional.empty();
    Optional<SchemaCheck.Snapshot> snapshot = schema ? Optional.of(SchemaCheck.atTag(project, version))
        : Optional.empty();
    return new DatabaseCheck(project, database, releases, version, recorded, applied, schemaCheck, snapshot);
  }

  /** The database's version. */
  public Version version() {
    return version;
  }

  /** Whether the schema is compared. */
  public boolean comparesSchema() {
    return schemaCheck.isPresent();
  }

  /** The applied files compared with Git (reads Git only). */
  public AppliedFilesCheck.Outcome files() throws HopException {
    return AppliedFilesCheck.compare(project.git(), releases, recorded, applied);
  }

  /** As {@link #files()}, through {@code memo}: the databases of a fleet that record the same files share one. */
  public AppliedFilesCheck.Outcome files(AppliedFilesCheck.Memo memo) throws HopException {
    return memo.compare(project.git(), releases, recorded, applied);
  }

  /**
   * The objects that differ from the snapshot of the database's version; none when the schema is not compared.
   *
   * @param next the command to run once a failure to load the snapshot is fixed
   */
  public List<SchemaDiff.Difference> schema(String next) throws HopException {
    return schemaCheck.isPresent() ? schemaCheck.get().differences(snapshot.get(), next) : List.of();
  }

  /** The database. */
  public ProductionDatabase database() {
    return database;
  }
}
