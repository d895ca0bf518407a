package dev.hop.core;

import dev.hop.core.base.Durations;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code upgrade} did (or, in a dry run, would do).
 *
 * @param status the outcome
 * @param database the production database's name
 * @param created whether the database was created at the production state first ({@code create}); in a dry run,
 *     whether it would be
 * @param from the database's version before
 * @param to the database's version after (the target, in a dry run)
 * @param releases the releases applied (or planned), in order
 * @param backup the backup file taken before applying, empty when nothing was applied
 * @param planFile the plan's SQL file, written by a dry run
 * @param took the wall time of the whole goal
 */
public record UpgradeResult(Status status, String database, boolean created, Version from, Version to,
    List<Release> releases, Optional<Path> backup, Optional<Path> planFile, Duration took) {

  /** The outcomes of an upgrade. */
  public enum Status {
    /** The database is at the target already; nothing was backed up or applied. */
    UP_TO_DATE,
    /** The releases were applied and committed. */
    UPGRADED,
    /** Nothing changed: the plan was printed and written. */
    DRY_RUN
  }

  /** One release applied or planned: its patches and script files, and its duration (zero when planned). */
  public record Release(Version version, List<String> patches, int files, Duration took) {
    public Release {
      Objects.requireNonNull(version, "version");
      patches = List.copyOf(patches);
    }
  }

  public UpgradeResult {
    Objects.requireNonNull(status, "status");
    releases = List.copyOf(releases);
  }

  /** The outcome line a user reads. */
  public String summary() {
    String prefix = !created ? "" : (status == Status.DRY_RUN ? "Would create " : "Created ") + database
        + " at production " + from + "; ";
    return prefix + switch (status) {
      case UP_TO_DATE -> "Database " + database + " is at " + to + ": nothing to upgrade";
      case UPGRADED -> "Upgraded " + database + " from " + from + " to " + to + " (" + releases.size() + " release"
          + (releases.size() == 1 ? "" : "s") + ") in " + Durations.format(took)
          + backup.map(b -> "; backup: " + b).orElse("");
      case DRY_RUN -> "Dry run: " + database + " would go from " + from + " to " + to + " (" + releases.size()
          + " release" + (releases.size() == 1 ? "" : "s") + "); nothing changed"
          + planFile.map(f -> "; plan SQL: " + f).orElse("");
    };
  }
}
