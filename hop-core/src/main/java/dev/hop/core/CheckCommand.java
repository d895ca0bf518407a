package dev.hop.core;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.AppliedFilesCheck;
import dev.hop.core.workflow.DatabaseCheck;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.SchemaCheck;
import java.util.List;

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
    DatabaseCheck checked = DatabaseCheck.read(project, database, project.releases(), schema, GOAL);
    Version version = checked.version();
    return () -> {
      long start = System.nanoTime();
      AppliedFilesCheck.Outcome files = checked.files();
      project.events().accept(HopEvent.lifecycle("Compared the files of " + files.checked().size() + " release"
          + (files.checked().size() == 1 ? "" : "s") + " with Git: " + (files.findings().isEmpty() ? "as released"
          : files.findings().size() + " differ") + " (" + Durations.since(start) + ")"));
      List<SchemaDiff.Difference> differences = List.of();
      if (checked.comparesSchema()) {
        long loaded = System.nanoTime();
        differences = checked.schema(project.settings().hints().command(GOAL));
        project.events().accept(HopEvent.lifecycle("Compared the schema of " + database.name() + " with model/schema-"
            + version + ".sql at " + "v" + version + ": " + (differences.isEmpty() ? "the same"
            : differences.size() + " object" + (differences.size() == 1 ? "" : "s") + " differ") + " ("
            + Durations.since(loaded) + ")"));
      }
      return CheckResult.of(checked, files, differences, took());
    };
  }
}
