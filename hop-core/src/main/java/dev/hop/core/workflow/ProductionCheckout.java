package dev.hop.core.workflow;

import dev.hop.core.HopException;
import dev.hop.core.RepositoryStateException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.SyncStatus;
import dev.hop.core.git.WorkTreeCheck;
import java.util.List;

/**
 * Brings a production host's checkout up to origin before a production goal: on {@code ho-prod}, clean, fetched
 * with pruning (branches and tags), fast-forwarded, and then synced.
 */
public final class ProductionCheckout {

  private ProductionCheckout() {
  }

  /**
   * Checks and syncs {@code git}'s work tree.
   *
   * @return whether ho-prod moved (commits were pulled)
   * @throws RepositoryStateException UNUSABLE off ho-prod, NOT_CLEAN with local changes, NOT_SYNCED when
   *     ho-prod diverged from origin or is ahead of it
   */
  public static boolean sync(GitWorkspace git, String goal) throws HopException {
    requireHoProd(git, goal);
    new WorkTreeCheck(git).requireClean(goal);
    OriginSync sync = new OriginSync(git);
    sync.fetch();
    return fastForward(git, sync);
  }

  /**
   * The first half of {@link #pullCheckingTreeOnlyToPull}, which a goal may run on the repository's own thread
   * (see {@link Project#startGit}): checks that {@code git} is on ho-prod and fetches what a production host reads
   * from origin (ho-prod and the release tags), changing nothing but remote-tracking refs and tags.
   *
   * @throws RepositoryStateException UNUSABLE off ho-prod
   */
  public static void fetchOnHoProd(GitWorkspace git, String goal) throws HopException {
    requireHoProd(git, goal);
    new OriginSync(git).fetch(OriginSync.Scope.PRODUCTION);
  }

  /**
   * After {@link #fetchOnHoProd}, syncs like {@link #sync} but checks that the work tree is clean only when ho-prod is
   * not in sync with origin (a pull needs it); a caller with nothing to change then needs no clean tree, and one with
   * changes to make checks it itself before the first.
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

  private static void requireHoProd(GitWorkspace git, String goal) throws HopException {
    String branch = git.currentBranch();
    if (!Project.HO_PROD.equals(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, branch, List.of(),
          "Must be on ho-prod branch: hop:" + goal + " works on the production branch, and " + git.workTree()
          + " is on " + branch + ". Run: git switch ho-prod");
    }
  }

  private static boolean fastForward(GitWorkspace git, OriginSync sync) throws HopException {
    String ref = "refs/heads/" + Project.HO_PROD;
    var before = git.resolve(ref);
    sync.fastForward();
    sync.requireSynced(Project.HO_PROD);
    return !before.equals(git.resolve(ref));
  }
}
