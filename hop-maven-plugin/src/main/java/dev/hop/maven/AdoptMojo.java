package dev.hop.maven;

import dev.hop.core.AdoptResult;
import dev.hop.core.Hop;
import dev.hop.core.errors.HopException;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adopts the existing database that hop.url names: its schema becomes the project's first release
 * ({@code mvn hop:adopt -Dhop.url=… -Dversion=1.0.0}), or, in a project that began so, a further database of that
 * schema is checked and recorded at the adopted release.
 */
@Mojo(name = AdoptMojo.GOAL, threadSafe = true, requiresProject = true)
public class AdoptMojo extends AbstractHopMojo {
  static final String GOAL = "adopt";

  /** The version the existing schema becomes, X.Y.Z ({@code -Dversion} or {@code -Dhop.version}). */
  @Parameter(property = "hop.adoptVersion")
  String adoptVersion;

  /** The schemas to take, comma-separated (default: all but hop's metadata); also {@code -Dschemas}. */
  @Parameter(property = "hop.schemas")
  String schemas;

  /** Write the files to review under target/hop/adopt (or only compare), changing nothing; also {@code -DdryRun}. */
  @Parameter(property = "hop.dryRun")
  String dryRun;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    List<String> names = parameter("schemas", schemas).map(s -> Arrays.stream(s.split(",")).map(String::trim)
        .filter(n -> !n.isEmpty()).toList()).orElse(List.of());
    AdoptResult result = hop.adopt()
        .setVersion(parameter("version", adoptVersion).orElse(null))
        .setSchemas(names)
        .setDryRun(flag("dryRun", dryRun))
        .call();
    result.lines(hop.settings().hints()).forEach(getLog()::info);
    return result;
  }
}
