package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.UpdateResult;
import dev.hop.core.errors.HopException;
import dev.hop.core.json.ResultJson;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Syncs ho-prod with origin and lists the production releases the database lacks, with the upgrade path. */
@Mojo(name = UpdateMojo.GOAL, threadSafe = true, requiresProject = true)
public class UpdateMojo extends AbstractHopMojo {
  static final String GOAL = "update";

  /** {@code json} also writes the result to target/hop/update.json and stdout. */
  @Parameter(property = "hop.output")
  String output;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected void run(Hop hop) throws HopException, MojoFailureException {
    UpdateResult result = hop.update().call();
    result.lines(hop.settings().hints().command("upgrade")).forEach(getLog()::info);
    if (JsonOutput.requested(parameter("output", output))) {
      JsonOutput.write(basedir.toPath(), GOAL, ResultJson.of(result), getLog());
    }
  }
}
