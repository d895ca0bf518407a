package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/** Shows the project's production version, its active release candidate and its stage releases. */
@Mojo(name = StatusMojo.GOAL, threadSafe = true, requiresProject = true)
public class StatusMojo extends AbstractHopMojo {
  static final String GOAL = "status";

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected void run(Hop hop) throws HopException {
    hop.status().call().lines().forEach(getLog()::info);
  }
}
