package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.StatusResult;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows the branch, the production and database versions, the active RC and stages, the patch branches and
 * the lock holder; as JSON too with {@code -Dhop.output=json}.
 */
@Mojo(name = StatusMojo.GOAL, threadSafe = true, requiresProject = true)
public class StatusMojo extends AbstractHopMojo {
  static final String GOAL = "status";

  /** Fail the build when a stage lists patches or a release candidate waits for production (a CI gate). */
  @Parameter(property = "hop.failIfPending", defaultValue = "false")
  boolean failIfPending;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    StatusResult result = hop.status().call();
    result.lines().forEach(getLog()::info);
    return result;
  }

  @Override
  protected void check(Object result) throws MojoFailureException {
    StatusResult status = (StatusResult) result;
    if (failIfPending && !status.pending().isEmpty()) {
      throw new MojoFailureException("Pending: " + String.join("; ", status.pending()) + " (-Dhop.failIfPending=true)."
          + " Promote it: mvn hop:promote -Dto=" + (status.activeRc().isPresent() ? "prod" : "rc"));
    }
  }
}
