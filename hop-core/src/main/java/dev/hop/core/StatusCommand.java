package dev.hop.core;

import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.ReleasesFolder;
import java.nio.file.Path;

/**
 * Reports the state of the project's releases (SPEC §7 {@code status}); reads files only, changes
 * nothing.
 */
public final class StatusCommand {
  private final HopSettings settings;
  private boolean called;

  StatusCommand(HopSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads {@code releases/} and reports.
   *
   * @throws HopUserException when a release file is malformed
   * @throws HopEnvironmentException when the folder cannot be read
   */
  public StatusResult call() throws HopException {
    if (called) {
      throw new IllegalStateException("A StatusCommand runs once; ask Hop for a new one");
    }
    called = true;
    Path dir = settings.projectDir().resolve("releases");
    Releases releases = ReleasesFolder.load(dir, settings.hints());
    return new StatusResult(
        releases.productionVersion(),
        releases.activeRc().map(rc -> release(releases, rc)),
        releases.stages().stream().map(v -> release(releases, ReleaseName.stage(v))).toList());
  }

  private static StatusResult.Release release(Releases releases, ReleaseName name) {
    return new StatusResult.Release(name, releases.patches(name));
  }
}
