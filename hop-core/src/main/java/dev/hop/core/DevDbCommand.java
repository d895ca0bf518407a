package dev.hop.core;

import dev.hop.core.base.HopEvent;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.DevelopmentDatabase;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import java.util.Optional;

/**
 * Makes sure the development database answers (SPEC §7 {@code dev-db}): on the configured server, else on the
 * project's embedded server, started when needed; a missing database is created at the production state.
 */
public final class DevDbCommand {
  static final String GOAL = "dev-db";

  private final Project project;
  private boolean called;

  DevDbCommand(Project project) {
    this.project = project;
  }

  /**
   * @throws HopUserException the production state in {@code model/} cannot be read
   * @throws HopEnvironmentException the server cannot be started or reached, or the database created
   */
  public DevDbResult call() throws HopException {
    if (called) {
      throw new IllegalStateException("A DevDbCommand runs once; ask Hop for a new one");
    }
    called = true;
    long start = project.clock().millis();
    DatabaseTarget target = project.development();
    DatabaseServer server = new DatabaseServer(target, project.settings().hints());
    boolean exists = server.exists(target.database());
    Optional<String> createdAt = Optional.empty();
    if (!exists) {
      ProductionState production = ProductionState.read(project.modelDir());
      new DevelopmentDatabase(project, project.settings().hints().command(GOAL)).restore(production);
      createdAt = Optional.of(production.version().toString());
    }
    boolean embedded = project.settings().jdbcUrl().isEmpty() && project.settings().embedded().isPresent();
    long took = project.clock().millis() - start;
    project.events().accept(HopEvent.lifecycle("Development database " + target.describe()
        + createdAt.map(v -> " created at production " + v).orElse(" is there") + " (" + took + " ms)"));
    return new DevDbResult(target.url(), target.user(), target.password(), embedded, createdAt);
  }

}
