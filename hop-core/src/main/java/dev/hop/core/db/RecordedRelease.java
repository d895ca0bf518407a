package dev.hop.core.db;

import java.time.LocalDate;
import java.time.OffsetTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A release as {@code half_orm_meta.hop_release} records it: when it was applied, its changelog and the commit it
 * came from (half_orm_dev left the last two empty).
 *
 * @param release the version and pre-release label
 * @param date the day it was recorded, when known
 * @param time the time of day it was recorded, when known
 * @param changelog what the release brought, may be empty
 * @param commit the commit it was applied from, may be empty
 */
public record RecordedRelease(DatabaseRelease release, Optional<LocalDate> date, Optional<OffsetTime> time,
    String changelog, String commit) {

  public RecordedRelease {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
    changelog = changelog == null ? "" : changelog;
    commit = commit == null ? "" : commit;
  }
}
