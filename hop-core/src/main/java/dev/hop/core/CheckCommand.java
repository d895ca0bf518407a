package dev.hop.core;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.db.AppliedScript;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.RecordedRelease;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.AppliedFilesCheck;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.SchemaCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a production database is what its releases made it, changing nothing in it: every file recorded as
 * applied against the same file at its release's tag and in the checked-out commit ({@link AppliedFilesCheck}), and
 * the schema against its version's snapshot at the tag ({@link SchemaCheck}: loaded into a scratch database on the same
 * server, dropped at once). Works on ho-prod as it is checked out (no fetch). Refuses ({@code HopUserException})
 * without hop.url, off ho-prod, with uncommitted release files, for a missing database or one without hop's metadata,
 * a scratch database hop did not make; a missing tag (fetch the tags).
 */
public final class CheckCommand extends HopCommand<CheckResult> {
  static final String GOAL = "check";

  private boolean schema = true;

  CheckCommand(Project project) {
    super(project);
  }

  /** Whether to compare the schema too (true by default; the applied files are always compared). */
  public CheckCommand setSchema(boolean schema) {
    checkCallable();
    this.schema = schema;
    return this;
  }

  @Override
  protected Changes<CheckResult> check() throws HopException {
    ProductionDatabase database = ProductionDatabase.existing(project.settings(), GOAL);
    ProductionCheckout.requireReleasesOfHoProd(project.git(), GOAL);
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
    Releases releases = project.releases();
    Optional<SchemaCheck> schemaCheck = schema ? Optional.of(SchemaCheck.prepare(project, database.target(),
        GOAL, "load the snapshot of " + version + " into")) : Optional.empty();
    Optional<SchemaCheck.Snapshot> snapshot = schemaCheck.isPresent()
        ? Optional.of(SchemaCheck.atTag(project, version)) : Optional.empty();
    return () -> {
      long start = System.nanoTime();
      AppliedFilesCheck.Outcome files = AppliedFilesCheck.compare(project.git(), releases, recorded, applied);
      project.events().accept(HopEvent.lifecycle("Compared the files of " + files.checked().size() + " release"
          + (files.checked().size() == 1 ? "" : "s") + " with Git: " + (files.findings().isEmpty() ? "as released"
          : files.findings().size() + " differ") + " (" + Durations.since(start) + ")"));
      List<SchemaDiff.Difference> differences = List.of();
      if (schemaCheck.isPresent()) {
        long loaded = System.nanoTime();
        differences = schemaCheck.get().differences(snapshot.get(), project.settings().hints().command(GOAL));
        project.events().accept(HopEvent.lifecycle("Compared the schema of " + database.name() + " with model/schema-"
            + version + ".sql at " + "v" + version + ": " + (differences.isEmpty() ? "the same"
            : differences.size() + " object" + (differences.size() == 1 ? "" : "s") + " differ") + " ("
            + Durations.since(loaded) + ")"));
      }
      List<CheckResult.FileDrift> fileDrifts = files.findings().stream().map(f -> new CheckResult.FileDrift(
          f.kind().name(), f.release(), f.patch(), f.path(), f.describe())).toList();
      List<CheckResult.SchemaDrift> schemaDrifts = differences.stream().map(d -> new CheckResult.SchemaDrift(
          d.kind().name(), d.object(), d.detail())).toList();
      return new CheckResult(database.name(), version, !fileDrifts.isEmpty() || !schemaDrifts.isEmpty(), fileDrifts,
          files.checked(), files.withoutRecords(), schemaCheck.isPresent(), schemaDrifts, took());
    };
  }
}
