package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.codegen.CodegenResult;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.DevelopmentDatabase;
import dev.hop.core.workflow.Project;
import java.time.Duration;

/**
 * Regenerates the project's relation classes from the development database as it is, the last step of
 * {@code patch-apply} on its own: for a schema changed by hand while exploring, or to compare the generator with
 * another. Reads the database, changes only files under the base package.
 */
public final class GenerateCommand extends HopCommand<GenerateResult> {
  static final String GOAL = "generate";

  GenerateCommand(Project project) {
    super(project);
  }

  /**
   * Checks that the development database exists; the change fails when a generated file cannot be merged
   * ({@code HopUserException}), or the database or the file system failed ({@code HopEnvironmentException}).
   */
  @Override
  protected Changes<GenerateResult> check() throws HopException {
    CommandHints hints = project.settings().hints();
    DatabaseTarget target = project.development();
    DatabaseServer server = new DatabaseServer(target, hints);
    if (!server.exists(target.database())) {
      throw DatabaseRefusedException.missing(target.database(), target.describe(), GOAL, hints);
    }
    return () -> generate(target);
  }

  private GenerateResult generate(DatabaseTarget target) throws HopException {
    CodegenResult code = new DevelopmentDatabase(project, project.settings().hints().command(GOAL))
        .generateCode();
    Duration took = took();
    project.events().accept(HopEvent.lifecycle("Code generated from " + target.database() + " into src/main/java/"
        + project.settings().basePackage().replace('.', '/') + ": " + code.summary() + " ("
        + Durations.format(took) + ")"));
    return new GenerateResult(target.database(), code.written().size(), code.unchanged().size(),
        code.deleted().size(), code.kept().size(), took);
  }
}
