package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.ReleaseLevel;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Creates the next stage release, {@code releases/X.Y.Z-stage.txt}, on ho-prod and pushes it. */
@Mojo(name = ReleaseNewMojo.GOAL, threadSafe = true, requiresProject = true)
public class ReleaseNewMojo extends AbstractHopMojo {
  static final String GOAL = "release-new";

  /** Which number of the production version to bump: patch, minor or major ({@code -Dlevel}). */
  @Parameter(property = "hop.level")
  String level;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    ReleaseLevel parsed = ReleaseLevel.parse(parameter("level", level).orElse(null), hop.settings().hints());
    return hop.releaseNew().setLevel(parsed).call();
  }
}
