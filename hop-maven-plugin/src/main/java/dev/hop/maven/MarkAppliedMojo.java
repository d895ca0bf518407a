package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.MarkAppliedResult;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records production releases as applied without running them, when a DBA applied them by hand or the database was
 * restored from elsewhere: only once the database's schema equals the snapshot of the release named (as hop:check
 * compares it). Never runs a patch.
 */
@Mojo(name = MarkAppliedMojo.GOAL, threadSafe = true, requiresProject = true)
public class MarkAppliedMojo extends AbstractHopMojo {
  static final String GOAL = "mark-applied";

  /** The production release (X.Y.Z) the database's schema is at; also {@code -DtoRelease}. */
  @Parameter(property = "hop.toRelease")
  String toRelease;

  /** Seconds to wait for an upgrade of the same database to finish. */
  @Parameter(property = "hop.upgradeLockWait", defaultValue = "30")
  int upgradeLockWait;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    Optional<String> to = parameter("toRelease", toRelease);
    MarkAppliedResult result = hop.markApplied()
        .setToRelease(to.isPresent() ? Optional.of(Version.parse(to.get().trim())) : Optional.empty())
        .setLockWait(Duration.ofSeconds(upgradeLockWait))
        .call();
    result.lines(hop.settings().hints()).forEach(getLog()::info);
    return result;
  }
}
