package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Rebuilds the development database for the current {@code ho-patch/<id>} branch and regenerates the code.
 */
@Mojo(name = PatchApplyMojo.GOAL, threadSafe = true, requiresProject = true)
public class PatchApplyMojo extends AbstractHopMojo {
  static final String GOAL = "patch-apply";

  @Override
  protected EmbeddedUse embeddedUse() {
    return EmbeddedUse.WITHOUT_URL;
  }

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    return hop.patchApply().call();
  }
}
