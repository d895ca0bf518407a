package dev.hop.core;

import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code clone} made.
 *
 * @param dir the new work tree, on ho-prod
 * @param database the development database, created at the production state
 * @param productionVersion the production version it is at
 */
public record CloneResult(Path dir, String database, Version productionVersion) {

  public CloneResult {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(productionVersion, "productionVersion");
  }

  /** The outcome line a user reads. */
  public String summary() {
    return "Cloned into " + dir + " on ho-prod; development database " + database + " is at production "
        + productionVersion;
  }
}
