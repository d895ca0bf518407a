package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.Tags;
import dev.hop.core.git.TreeReader;
import dev.hop.core.git.WorkTreeCheck;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files of released patches (the patches a production release lists) that the checkout changed since the latest
 * production release's tag, which holds every released patch folder: committed since the tag, or not committed. A
 * released file is never edited (a fix is a new patch), so status warns about each. The committed side compares
 * Git's tree ids, entering only the folders that differ; the uncommitted side asks Git's status of {@code Patches/}.
 */
public final class EditedReleasedFiles {

  private EditedReleasedFiles() {
  }

  /** The paths ({@code Patches/<id>/<file>}), sorted; none before the first production release. */
  public static List<String> find(GitWorkspace git, Releases releases) throws HopException {
    Version latest = releases.productionVersion();
    Set<String> released = new HashSet<>();
    for (Version v : releases.productionVersions()) {
      releases.patches(ReleaseName.production(v)).forEach(id -> released.add(id.value()));
    }
    String tag = UpgradePlan.tagOf(latest);
    if (released.isEmpty() || new Tags(git, Clock.systemUTC()).commit(tag).isEmpty()) {
      return List.of();
    }
    SortedSet<String> edited = new TreeSet<>();
    for (String path : new TreeReader(git).differences(tag, TreeReader.CHECKED_OUT, Project.PATCHES)) {
      if (released.contains(folderOf(path))) {
        edited.add(Project.PATCHES + "/" + path);
      }
    }
    new WorkTreeCheck(git).changesThroughGit(Project.PATCHES).ifPresent(changes -> changes.all().stream()
        .filter(path -> path.startsWith(Project.PATCHES + "/"))
        .filter(path -> released.contains(folderOf(path.substring(Project.PATCHES.length() + 1))))
        .forEach(edited::add));
    return List.copyOf(edited);
  }

  private static String folderOf(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }
}
