package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the project's embedded development server, saying so when none runs. */
@Mojo(name = DbStopMojo.GOAL, threadSafe = true, requiresProject = true)
public class DbStopMojo extends AbstractHopMojo {
  static final String GOAL = "db-stop";

  @Override
  protected EmbeddedUse embeddedUse() {
    return EmbeddedUse.ALWAYS;
  }

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    return hop.dbStop().call();
  }
}
