package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.UpdateResult;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/** Syncs ho-prod with origin and lists the production releases the database lacks, with the upgrade path. */
@Mojo(name = UpdateMojo.GOAL, threadSafe = true, requiresProject = true)
public class UpdateMojo extends AbstractHopMojo {
  static final String GOAL = "update";


  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    UpdateResult result = hop.update().call();
    result.lines(hop.settings().hints().command("upgrade")).forEach(getLog()::info);
    return result;
  }
}
