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
 * Regenerates the project's relation classes from the development database as it is (SPEC §8), the last step of
 * {@code patch-apply} on its own: for a schema changed by hand while exploring, or to compare the generator with
 * another. Reads the database, changes only files under the base package.
 */
public final class GenerateCommand {
  static final String GOAL = "generate";

  private final Project project;
  private boolean called;

  GenerateCommand(Project project) {
    this.project = project;
  }

  /**
   * @throws HopUserException the development database does not exist, or a generated file cannot be merged
   * @throws HopEnvironmentException the database or the file system failed
   */
  public GenerateResult call() throws HopException {
    if (called) {
      throw new IllegalStateException("A GenerateCommand runs once; ask Hop for a new one");
    }
    called = true;
    long start = project.clock().millis();
    CommandHints hints = project.settings().hints();
    DatabaseTarget target = project.development();
    DatabaseServer server = new DatabaseServer(target, hints);
    if (!server.exists(target.database())) {
      throw DatabaseRefusedException.missing(target.database(), target.describe(), GOAL, hints);
    }
    CodegenResult code = new DevelopmentDatabase(project, hints.command(GOAL)).generateCode();
    Duration took = Duration.ofMillis(project.clock().millis() - start);
    project.events().accept(HopEvent.lifecycle("Code generated from " + target.database() + " into src/main/java/"
        + project.settings().basePackage().replace('.', '/') + ": " + code.summary() + " ("
        + Durations.format(took) + ")"));
    return new GenerateResult(target.database(), code.written().size(), code.unchanged().size(),
        code.deleted().size(), code.kept().size(), took);
  }
}
