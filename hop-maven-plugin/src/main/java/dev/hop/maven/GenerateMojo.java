package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Regenerates the Java class of every relation from the development database as it is, keeping the code written
 * inside them (what {@code patch-apply} does last, on its own).
 */
@Mojo(name = GenerateMojo.GOAL, threadSafe = true, requiresProject = true)
public class GenerateMojo extends AbstractHopMojo {
  static final String GOAL = "generate";

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
    return hop.generate().call();
  }
}
