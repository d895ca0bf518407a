package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitId;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.SyncStatus;
import dev.hop.core.git.TreeReader;
import dev.hop.core.git.WorkTreeCheck;
import dev.hop.core.release.ReleaseName;
import java.util.List;
import java.util.Optional;

/**
 * Brings a production host's checkout up to origin before a production goal: on {@code ho-prod}, fetched with
 * pruning, fast-forwarded (from a clean tree) when origin has more, and then synced; and checks that the release
 * files it reads are ho-prod's.
 */
public final class ProductionCheckout {

  private ProductionCheckout() {
  }

  /**
   * The first half of {@link #pullCheckingTreeOnlyToPull}, which a goal may run on the repository's own thread
   * (see {@link Project#startGit}): checks that {@code git} is on ho-prod and fetches {@code scope} from origin,
   * changing nothing but remote-tracking refs and tags.
   *
   * @throws RepositoryStateException UNUSABLE off ho-prod
   */
  public static void fetchOnHoProd(GitWorkspace git, String goal, OriginSync.Scope scope) throws HopException {
    requireHoProd(git, goal);
    new OriginSync(git).fetch(scope);
  }

  /**
   * After {@link #fetchOnHoProd}, fast-forwards ho-prod to origin's and checks they are then in sync; the work tree
   * must be clean only when ho-prod has to be pulled. A caller with nothing to change then needs no clean tree (but
   * see {@link #requireCommittedReleases}), and one with changes to make checks it itself before the first.
   *
   * @return whether ho-prod moved (commits were pulled)
   * @throws RepositoryStateException NOT_CLEAN with local changes when ho-prod must be pulled, NOT_SYNCED when
   *     ho-prod diverged from origin or is ahead of it
   */
  public static boolean pullCheckingTreeOnlyToPull(GitWorkspace git, String goal) throws HopException {
    OriginSync sync = new OriginSync(git);
    if (sync.status(Project.HO_PROD).state() != SyncStatus.State.SYNCED) {
      new WorkTreeCheck(git).requireClean(goal);
    }
    return fastForward(git, sync);
  }

  /**
   * Refuses release files in the work tree that differ from ho-prod's, for a goal that reads them without needing a
   * clean tree otherwise: what it reports or applies must be the committed releases. A quick comparison with ho-prod
   * decides; when it sees a difference, the full clean-tree check has the last word and names the files.
   *
   * @throws RepositoryStateException NOT_CLEAN, listing the uncommitted files
   */
  public static void requireCommittedReleases(GitWorkspace git, String goal) throws HopException {
    WorkTreeCheck check = new WorkTreeCheck(git);
    // on ho-prod, Git's status of releases/ tells it quickest; without Git, the files are compared with ho-prod's
    Optional<WorkTreeCheck.Changes> status = check.changesThroughGit(Project.RELEASES);
    boolean changed = status.isPresent()
        ? status.get().all().stream().anyMatch(ProductionCheckout::isReleaseFile)
        : !new TreeReader(git).changedFiles("refs/heads/" + Project.HO_PROD, Project.RELEASES,
            name -> ReleaseName.parse(name).isPresent()).isEmpty();
    if (changed) {
      check.requireClean(goal);
    }
  }

  /**
   * For a goal that reads ho-prod's releases as they are checked out, fetching nothing: on ho-prod, its release files
   * committed.
   *
   * @throws RepositoryStateException UNUSABLE off ho-prod, NOT_CLEAN with uncommitted release files
   */
  public static void requireReleasesOfHoProd(GitWorkspace git, String goal) throws HopException {
    requireHoProd(git, goal);
    requireCommittedReleases(git, goal);
  }

  /** Whether {@code path} (repository-relative) is a release file directly in {@code releases/}. */
  private static boolean isReleaseFile(String path) {
    String prefix = Project.RELEASES + "/";
    return path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0
        && ReleaseName.parse(path.substring(prefix.length())).isPresent();
  }

  /**
   * Refuses a checkout that is not on ho-prod (or, detached, at ho-prod's commit as the CI names it).
   *
   * @throws RepositoryStateException UNUSABLE off ho-prod
   */
  public static void requireHoProd(GitWorkspace git, String goal) throws HopException {
    String branch = git.currentBranch();
    if (!Project.HO_PROD.equals(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, branch, List.of(),
          "Must be on ho-prod branch: hop:" + goal + " works on the production branch, and " + git.workTree()
          + " is on " + branch + ". Run: git switch ho-prod");
    }
  }

  private static boolean fastForward(GitWorkspace git, OriginSync sync) throws HopException {
    Branches branches = new Branches(git);
    GitId before = branches.tip(Project.HO_PROD);
    sync.fastForward();
    sync.requireSynced(Project.HO_PROD);
    return !before.equals(branches.tip(Project.HO_PROD));
  }
}
