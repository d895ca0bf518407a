package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.PatchAddResult;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates a patch (merged with its stage in a separate work tree, on a fresh validation database, with the
 * project's tests) and adds it to the stage release: {@code mvn hop:patch-add -Did=12-users [-DtoVersion=1.4.0]}.
 */
@Mojo(name = PatchAddMojo.GOAL, threadSafe = true, requiresProject = true)
public class PatchAddMojo extends AbstractHopMojo {
  static final String GOAL = "patch-add";

  /** The patch to add ({@code -Did} or {@code -Dhop.id}). */
  @Parameter(property = "hop.id")
  String id;

  /** The stage release to add it to, when several exist ({@code -DtoVersion} or {@code -Dhop.toVersion}). */
  @Parameter(property = "hop.toVersion")
  String toVersion;

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
    PatchAddResult result = hop.patchAdd()
        .setId(parameter("id", id).orElse(""))
        .setToVersion(parameter("toVersion", toVersion).orElse(null))
        .call();
    result.lines().forEach(getLog()::info);
    return result;
  }
}
