package dev.hop.core;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.devserver.LocalServer;
import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.Project;
import java.util.Optional;

/** Stops the project's embedded development server (SPEC §7 {@code db-stop}), saying so when none runs. */
public final class DbStopCommand {
  private final Project project;
  private boolean called;

  DbStopCommand(Project project) {
    this.project = project;
  }

  /** @throws HopEnvironmentException pg_ctl could not stop it */
  public DbStopResult call() throws HopException {
    if (called) {
      throw new IllegalStateException("A DbStopCommand runs once; ask Hop for a new one");
    }
    called = true;
    Optional<EmbeddedServer> spec = project.settings().embedded();
    LocalServer server = spec.map(s -> new LocalServer(project.dir(), s, project.events())).orElse(null);
    Optional<Long> pid = server == null ? Optional.empty() : server.stop();
    String where = project.dir().resolve(LocalServer.LOCAL).toString();
    project.events().accept(HopEvent.lifecycle(pid
        .map(p -> "Stopped the embedded PostgreSQL of this project (pid " + p + ", data in " + where + "/pg)")
        .orElse("No embedded PostgreSQL runs for this project (" + where + ")")));
    return new DbStopResult(pid);
  }
}
