package dev.hop.core;

import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import java.util.Objects;

/**
 * What {@code release-new} did: the stage release it created and pushed.
 *
 * @param level the level asked for
 * @param production the production version it was bumped from
 * @param version the new release's version
 * @param file the stage file, relative to the project ({@code releases/1.4.0-stage.txt})
 * @param pulled whether ho-prod was behind origin and fast-forwarded first
 */
public record ReleaseNewResult(ReleaseLevel level, Version production, Version version, String file,
    boolean pulled) {

  public ReleaseNewResult {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(production, "production");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(file, "file");
  }
}
