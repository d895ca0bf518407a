package dev.hop.core;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.DevelopmentDatabase;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import java.util.Optional;

/**
 * Makes sure the development database answers: on the configured server, else on the
 * project's embedded server, started when needed; a missing database is created at the production state.
 */
public final class DevDbCommand extends HopCommand<DevDbResult> {
  static final String GOAL = "dev-db";

  DevDbCommand(Project project) {
    super(project);
  }

  /**
   * Reaches the server (starting the embedded one when needed) and, for a missing database, reads the production
   * state.
   *
   * @throws dev.hop.core.errors.HopUserException the production state in {@code model/} cannot be read
   * @throws dev.hop.core.errors.HopEnvironmentException the server cannot be started or reached, or the database
   *     created
   */
  @Override
  protected Changes<DevDbResult> check() throws HopException {
    DatabaseTarget target = project.development();
    DatabaseServer server = new DatabaseServer(target, project.settings().hints());
    Optional<ProductionState> missing = server.exists(target.database()) ? Optional.empty()
        : Optional.of(ProductionState.read(project.modelDir()));
    return () -> {
      if (missing.isPresent()) {
        new DevelopmentDatabase(project, project.settings().hints().command(GOAL)).restore(missing.get());
      }
      Optional<String> createdAt = missing.map(production -> production.version().toString());
      boolean embedded = project.settings().jdbcUrl().isEmpty() && project.settings().embedded().isPresent();
      project.events().accept(HopEvent.lifecycle("Development database " + target.describe()
          + createdAt.map(v -> " created at production " + v).orElse(" is there") + " (" + Durations.format(took()) + ")"));
      return new DevDbResult(target.url(), target.user(), target.password(), embedded, createdAt);
    };
  }
}
