package dev.hop.core;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.devserver.LocalServer;
import dev.hop.core.workflow.Project;
import java.util.Optional;

/** Stops the project's embedded development server, saying so when none runs. */
public final class DbStopCommand extends HopCommand<DbStopResult> {

  DbStopCommand(Project project) {
    super(project);
  }

  /** Nothing to check; the change fails ({@code HopEnvironmentException}) when pg_ctl could not stop the server. */
  @Override
  protected Changes<DbStopResult> check() {
    Optional<EmbeddedServer> spec = project.settings().embedded();
    String where = project.dir().resolve(LocalServer.LOCAL).toString();
    return () -> {
      Optional<Long> pid = spec.isEmpty() ? Optional.empty()
          : new LocalServer(project.dir(), spec.get(), project.events()).stop();
      project.events().accept(HopEvent.lifecycle(pid
          .map(p -> "Stopped the embedded PostgreSQL of this project (pid " + p + ", data in " + where + "/pg)")
          .orElse("No embedded PostgreSQL runs for this project (" + where + ")")));
      return new DbStopResult(pid);
    };
  }
}
