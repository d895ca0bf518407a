package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Starts a patch: reserves its number, commits {@code Patches/<id>/README.md} and switches to {@code ho-patch/<id>}. */
@Mojo(name = PatchNewMojo.GOAL, threadSafe = true, requiresProject = true)
public class PatchNewMojo extends AbstractHopMojo {
  static final String GOAL = "patch-new";

  /** The patch id, {@code <number>} or {@code <number>-<words>} ({@code -Did}). */
  @Parameter(property = "hop.id")
  String id;

  /** What the patch is for, written in its README ({@code -Ddescription}). */
  @Parameter(property = "hop.description")
  String description;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    return hop.patchNew().setId(parameter("id", id).orElse("")).setDescription(parameter("description", description)
        .orElse("")).call();
  }
}
