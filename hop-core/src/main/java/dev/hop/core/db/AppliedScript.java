package dev.hop.core.db;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A row of {@code half_orm_meta.hop_applied_patch}: one script file of one patch, applied for a release.
 *
 * @param release the release the patch was applied for, e.g. {@code 1.4.0-rc2}
 * @param patchId the patch id
 * @param file the script's name inside the patch folder
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param appliedAt when it ran (set by the server on insert)
 * @param duration how long it ran
 */
public record AppliedScript(String release, String patchId, String file, String sha256, OffsetDateTime appliedAt,
    Duration duration) {

  public AppliedScript {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(patchId, "patchId");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(duration, "duration");
  }
}
