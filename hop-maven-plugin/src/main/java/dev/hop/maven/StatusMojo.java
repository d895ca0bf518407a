package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.StatusResult;
import dev.hop.core.errors.HopException;
import dev.hop.core.json.ResultJson;
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

  /** {@code json} also writes the result to {@code target/hop/status.json} and prints it. */
  @Parameter(property = "hop.output")
  String output;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected void run(Hop hop) throws HopException, MojoFailureException {
    StatusResult result = hop.status().call();
    result.lines().forEach(getLog()::info);
    if (JsonOutput.requested(parameter("output", output))) {
      JsonOutput.write(basedir.toPath(), GOAL, ResultJson.of(result), getLog());
    }
  }
}
