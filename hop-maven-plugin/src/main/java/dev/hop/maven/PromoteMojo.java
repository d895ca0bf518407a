package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.PromoteResult;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes the smallest stage to its next release candidate ({@code mvn hop:promote -Dto=rc}) or the active
 * release candidate to production ({@code mvn hop:promote -Dto=prod}).
 */
@Mojo(name = PromoteMojo.GOAL, threadSafe = true, requiresProject = true)
public class PromoteMojo extends AbstractHopMojo {
  static final String GOAL = "promote";

  /** {@code rc} or {@code prod} ({@code -Dto} or {@code -Dhop.to}). */
  @Parameter(property = "hop.to")
  String to;

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
    PromoteResult result = hop.promote().setTo(parameter("to", to).orElse(null)).call();
    result.lines().forEach(getLog()::info);
    return result;
  }
}
