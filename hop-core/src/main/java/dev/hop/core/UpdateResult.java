package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code update} found after syncing ho-prod: the database's version, the production releases newer than
 * it with their patches, and the upgrade path.
 *
 * @param database the production database's name
 * @param databaseVersion its version ({@code hop_last_release})
 * @param productionVersion the latest production release of the project
 * @param pulled whether ho-prod moved (commits were pulled from origin)
 * @param newer the production releases after the database's version, ascending, with all their patches
 * @param path the releases {@code upgrade} would apply, in order
 */
public record UpdateResult(String database, Version databaseVersion, Version productionVersion, boolean pulled,
    List<Release> newer, List<Version> path) {

  /** A production release and the patches its file lists. */
  public record Release(Version version, List<PatchId> patches) {
    public Release {
      Objects.requireNonNull(version, "version");
      patches = List.copyOf(patches);
    }
  }

  public UpdateResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(databaseVersion, "databaseVersion");
    Objects.requireNonNull(productionVersion, "productionVersion");
    newer = List.copyOf(newer);
    path = List.copyOf(path);
  }

  /** Whether the database is at the latest production release. */
  public boolean upToDate() {
    return path.isEmpty();
  }

  /** The result as the lines a user reads; {@code upgrade} spells the next command. */
  public List<String> lines(String upgrade) {
    List<String> lines = new ArrayList<>();
    lines.add("ho-prod " + (pulled ? "updated from origin" : "already up to date with origin"));
    lines.add("Database " + database + " version: " + databaseVersion);
    lines.add("Production version: " + productionVersion);
    if (newer.isEmpty()) {
      lines.add("No newer production release: the database is up to date");
      return lines;
    }
    for (Release r : newer) {
      lines.add("Release " + r.version() + ": " + (r.patches().isEmpty() ? "no patches"
          : r.patches().stream().map(PatchId::toString).collect(Collectors.joining(", "))));
    }
    lines.add("Upgrade path: " + databaseVersion + " -> "
        + path.stream().map(Version::toString).collect(Collectors.joining(" -> ")));
    lines.add("Run: " + upgrade);
    return lines;
  }
}
