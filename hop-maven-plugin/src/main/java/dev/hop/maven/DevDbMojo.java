package dev.hop.maven;

import dev.hop.core.DevDbResult;
import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Makes sure the development database answers (on the embedded server when no url is configured; created at the
 * production state when missing) and sets {@code hop.url}, {@code hop.user}, {@code hop.password} for the rest
 * of the build, so that the project's tests reach it, unless the user set them.
 */
@Mojo(name = DevDbMojo.GOAL, defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, requiresProject = true)
public class DevDbMojo extends AbstractHopMojo {
  static final String GOAL = "dev-db";

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

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
    DevDbResult result = hop.devDb().call();
    export(Map.of("hop.url", result.url(), "hop.user", result.user().orElse(""),
        "hop.password", result.password().reveal()));
    return result;
  }

  /** Sets each property on the project unless the user gave it (command line, pom or plugin configuration). */
  private void export(Map<String, String> values) {
    Properties user = session.getUserProperties();
    Properties model = project.getProperties();
    values.forEach((key, value) -> {
      if (!user.containsKey(key) && !model.containsKey(key)) {
        model.setProperty(key, value);
        getLog().debug("Set " + key + " for the rest of the build");
      }
    });
  }
}
