package dev.hop.core.workflow;

import dev.hop.core.base.HopSettings;
import dev.hop.core.codegen.CodeGenerator;
import dev.hop.core.codegen.CodegenResult;
import dev.hop.core.codegen.SchemaReader;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.PatchExecutor;
import dev.hop.core.db.PatchRun;
import dev.hop.core.db.TemplateRestorer.CopyAhead;
import dev.hop.core.db.TemplateRestorer;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.PatchId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The developer's database as patch-apply drives it: restored to the production state (created when
 * missing), then one patch per transaction, then read back to regenerate the project's code.
 */
public final class DevelopmentDatabase {
  private final Project project;
  private final DatabaseTarget target;
  private final String next;

  /**
   * @param next the command the user runs again after fixing a script
   */
  public DevelopmentDatabase(Project project, String next) throws HopException {
    this.project = project;
    this.target = project.development();
    this.next = next;
  }

  public DatabaseTarget target() {
    return target;
  }

  /** Drops and re-creates the database (when hop marked it as its own) as a copy of the production state. */
  public void restore(ProductionState production) throws HopException {
    restore(production, Optional.empty());
  }

  /**
   * Drops and re-creates the database (when hop marked it as its own) as a copy of the production state, renaming
   * {@code ahead} into its place when it was copied from that state's template.
   */
  public void restore(ProductionState production, Optional<CopyAhead> ahead) throws HopException {
    TemplateRestorer.on(target, project.settings().hints(), project.events(), next)
        .restore(target, production.version(), production.schema(), production.metadata(), ahead);
  }

  /**
   * Applies one patch in its own transaction, committed when every script passed and rolled back otherwise.
   *
   * @param release the release the patch belongs to, as recorded in {@code hop_applied_patch}
   * @param folder the patch folder in the working tree when the files come from it
   */
  public PatchRun apply(PatchId patch, String release, Map<String, byte[]> files, Optional<Path> folder)
      throws HopException {
    PatchExecutor executor = new PatchExecutor(target, project.events(), next);
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      try {
        PatchRun run = executor.apply(c, release, patch, files, folder);
        c.commit();
        return run;
      } catch (HopException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseException.of("apply patch " + patch, target.database(), target.describe(), e);
    }
  }

  /** Reads the database's schema and brings the generated sources of the project in line with it. */
  public CodegenResult generateCode() throws HopException {
    HopSettings settings = project.settings();
    try (Connection c = target.connect()) {
      return new CodeGenerator(project.dir(), settings.basePackage(), project.events())
          .generate(new SchemaReader().read(c));
    } catch (SQLException e) {
      throw DatabaseException.of("read the schema", target.database(), target.describe(), e);
    }
  }

  /** Rethrows a script failure of {@code patch} with what the database now holds. */
  public static PatchScriptException inPatch(PatchScriptException e, PatchId patch, String holds) {
    return e.withMessage("Patch " + patch + " failed: " + e.getMessage() + ". " + holds);
  }
}
