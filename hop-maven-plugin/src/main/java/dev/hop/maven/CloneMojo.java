package dev.hop.maven;

import dev.hop.core.CloneResult;
import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Clones a hop project with ho-prod checked out and creates its development database at the production state (on
 * the clone's own embedded server when no hop.url is given, as the other development goals); needs no project:
 * {@code mvn dev.hop:hop-maven-plugin:<version>:clone -Durl=<git url> [-Ddir=<folder>]}.
 */
@Mojo(name = CloneMojo.GOAL, threadSafe = true, requiresProject = false)
public class CloneMojo extends AbstractHopMojo {
  static final String GOAL = "clone";

  /** The repository to clone. Only {@code -Durl}: {@code hop.url} is the JDBC URL of the database. */
  @Parameter(property = "url")
  String gitUrl;

  /** The folder to clone into (must not exist; default: the repository's name); also {@code -Dhop.dir}. */
  @Parameter(property = "dir")
  String dir;

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
    CloneResult result = hop.cloneProject()
        .setUrl(Optional.ofNullable(gitUrl).filter(u -> !u.isBlank()))
        .setDirectory(parameter("dir", dir).map(Path::of))
        .setDatabase(Optional.ofNullable(database).filter(d -> !d.isBlank()))
        .call();
    getLog().info(result.summary());
    return result;
  }
}
