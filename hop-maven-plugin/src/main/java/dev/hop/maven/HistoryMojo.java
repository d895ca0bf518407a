package dev.hop.maven;

import dev.hop.core.HistoryResult;
import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists what the database of hop.url holds, newest first: each release with when it was applied and its commit, its
 * patches and their files with how long each ran. Reads the database's metadata only.
 */
@Mojo(name = HistoryMojo.GOAL, threadSafe = true, requiresProject = true)
public class HistoryMojo extends AbstractHopMojo {
  static final String GOAL = "history";

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    HistoryResult result = hop.history().call();
    result.lines().forEach(getLog()::info);
    return result;
  }
}
