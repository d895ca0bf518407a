package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.Tags;
import dev.hop.core.git.TreeReader;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What an upgrade applies: the production releases of the path in order, each with all its patches (its
 * production file lists them all) and their files as committed at the release's tag {@code vX.Y.Z}.
 *
 * @param from the database's version before the upgrade
 * @param releases the releases to apply, ascending
 */
public record UpgradePlan(Version from, List<Release> releases) {

  /** One release of the path: its version, the commit its tag marks, its patches. */
  public record Release(Version version, String commit, List<Patch> patches) {
    public Release {
      Objects.requireNonNull(version, "version");
      patches = List.copyOf(patches);
    }

    public String tag() {
      return tagOf(version);
    }
  }

  /** One patch of a release with its folder's files (name → bytes). */
  public record Patch(PatchId id, SortedMap<String, byte[]> files) {
  }

  public UpgradePlan {
    Objects.requireNonNull(from, "from");
    releases = List.copyOf(releases);
  }

  /** The tag of a production release, {@code v1.2.0}. */
  public static String tagOf(Version version) {
    return "v" + version;
  }

  /** The version the database has once the plan is applied. */
  public Version to() {
    return releases.isEmpty() ? from : releases.get(releases.size() - 1).version();
  }

  /**
   * Reads the releases of {@code path} from {@code releases/} and their patches' files from Git at each tag.
   *
   * @throws RepositoryStateException MISSING_REF when a release's tag is missing
   */
  public static UpgradePlan read(GitWorkspace git, Releases releases, Version from, List<Version> path)
      throws HopException {
    TreeReader reader = new TreeReader(git);
    Tags tags = new Tags(git, Clock.systemUTC());
    List<Release> list = new ArrayList<>();
    for (Version v : path) {
      String tag = tagOf(v);
      String commit = tags.commit(tag).orElseThrow(() -> new RepositoryStateException(
          RepositoryStateException.Reason.MISSING_REF, tag, List.of(), "Tag " + tag + " is missing although"
          + " releases/" + v + ".txt exists: upgrade reads each release's scripts at its tag. Fetch the tags with: "
          + "git fetch --tags origin")).name();
      List<PatchId> ids = releases.patches(ReleaseName.production(v));
      Map<String, SortedMap<String, byte[]>> files = reader.folders(tag, Project.PATCHES,
          ids.stream().map(PatchId::value).toList());
      List<Patch> patches = new ArrayList<>();
      for (PatchId id : ids) {
        patches.add(new Patch(id, files.get(id.value())));
      }
      list.add(new Release(v, commit, patches));
    }
    return new UpgradePlan(from, list);
  }
}
