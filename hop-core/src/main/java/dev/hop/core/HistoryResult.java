package dev.hop.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a database holds, as its metadata records it: the releases applied, newest first, each with when it was
 * recorded, the commit it came from, and its patches' files with how long each ran.
 *
 * @param database the database's name
 * @param version its version ({@code hop_last_release})
 * @param releases the releases recorded, newest first
 * @param took how long the goal ran
 */
public record HistoryResult(String database, String version, List<Release> releases, Duration took) {

  /**
   * A release recorded in the database.
   *
   * @param release {@code 1.4.0}, or {@code 1.4.0-rc2} for a pre-release
   * @param appliedAt when it was recorded ({@code 2026-12-06 10:42:07+00}), when known
   * @param commit the commit it was applied from, may be empty
   * @param changelog what it brought, may be empty
   * @param patches its patches in the order they ran, empty when no file was recorded
   */
  public record Release(String release, Optional<String> appliedAt, String commit, String changelog,
      List<Patch> patches) {
    public Release {
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(appliedAt, "appliedAt");
      patches = List.copyOf(patches);
    }
  }

  /** A patch of a release with its files in the order they ran. */
  public record Patch(String id, List<File> files) {
    public Patch {
      files = List.copyOf(files);
    }
  }

  /** A file applied: its name in the patch folder, its SHA-256 and how long it ran. */
  public record File(String name, String sha256, Duration took) {
  }

  public HistoryResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(version, "version");
    releases = List.copyOf(releases);
    Objects.requireNonNull(took, "took");
  }

  /** The history as a table: one line per release, then its patches and files indented under it. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Database " + database + " is at " + version + "; " + releases.size() + " release"
        + (releases.size() == 1 ? "" : "s") + " recorded, newest first");
    for (Release r : releases) {
      int files = r.patches().stream().mapToInt(p -> p.files().size()).sum();
      String commit = r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit();
      lines.add(String.format("%-14s %-26s %-12s %s", r.release(), r.appliedAt().orElse("-"),
          commit.isEmpty() ? "-" : commit, r.patches().isEmpty() ? "no file recorded"
          : r.patches().size() + " patch" + (r.patches().size() == 1 ? "" : "es") + ", " + files + " file"
              + (files == 1 ? "" : "s")));
      for (Patch p : r.patches()) {
        lines.add("  " + p.id());
        for (File f : p.files()) {
          lines.add(String.format("    %-40s %10d ms  %s", f.name(), f.took().toMillis(), f.sha256().substring(0,
              12)));
        }
      }
    }
    return lines;
  }
}
