package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.SyncStatus;
import dev.hop.core.git.WorkTreeCheck;
import java.util.List;

/**
 * Checks the Git preconditions the developer goals share: the checked-out branch, a clean
 * work tree, and ho-prod in sync with origin; each refusal starts with half_orm_dev's wording.
 */
public final class BranchGuard {
  /** The prefix of patch branches. */
  public static final String PATCH_BRANCH_PREFIX = "ho-patch/";

  private final GitWorkspace git;
  private final CommandHints hints;

  public BranchGuard(GitWorkspace git, CommandHints hints) {
    this.git = git;
    this.hints = hints;
  }

  /**
   * Refuses unless ho-prod is checked out.
   *
   * @param goal the goal being run, for the command to run again
   */
  public void requireOnHoProd(String goal, String... parameters) throws HopException {
    String branch = git.currentBranch();
    if (!branch.equals(Project.HO_PROD)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.WRONG_BRANCH, branch, List.of(),
          "Must be on ho-prod branch: " + goal + " runs on ho-prod, the current branch is " + branch
              + ". Commit your work, then run: git switch ho-prod && " + hints.command(goal, parameters));
    }
  }

  /**
   * The patch id of {@code branch}, the checked-out branch, which must be a patch branch.
   *
   * @throws RepositoryStateException WRONG_BRANCH, naming the branch and how to get on a patch branch
   */
  public static String patchOf(String branch, String goal, CommandHints hints) throws RepositoryStateException {
    if (!branch.startsWith(PATCH_BRANCH_PREFIX)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.WRONG_BRANCH, branch, List.of(),
          "Must be on ho-patch/* branch: " + goal + " works on the patch of the current branch, which is "
              + branch + ". Switch to a patch branch (git switch ho-patch/<id>) or start one with: "
              + hints.command("patch-new", "id", "<id>"));
    }
    return branch.substring(PATCH_BRANCH_PREFIX.length());
  }

  /**
   * Refuses unless {@code branch} exists locally or on origin (as of the last fetch).
   *
   * @param consequence what cannot be done without it, e.g. {@code patch 12 cannot be validated}
   * @param next how to get out, with the command to run
   * @throws RepositoryStateException MISSING_REF
   */
  public void requireBranch(String branch, String consequence, String next) throws HopException {
    Branches branches = new Branches(git);
    if (!branches.existsLocally(branch) && !branches.existsOnOrigin(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.MISSING_REF, branch, List.of(),
          "Branch " + branch + " exists neither locally nor on origin, so " + consequence + ". " + next);
    }
  }

  /** Refuses when anything is uncommitted; {@code step} says what the goal was about to do. */
  public void requireClean(String step) throws HopException {
    new WorkTreeCheck(git).requireClean(step);
  }

  /**
   * Fetches origin and refuses unless ho-prod is in sync with origin's; with {@code pullWhenBehind}, a
   * ho-prod that is only behind is first fast-forwarded (half_orm_dev's release-new does so).
   *
   * @return whether commits were pulled
   */
  public boolean requireSynced(boolean pullWhenBehind) throws HopException {
    OriginSync sync = new OriginSync(git);
    sync.fetch();
    SyncStatus status = sync.status(Project.HO_PROD);
    if (pullWhenBehind && status.state() == SyncStatus.State.BEHIND) {
      sync.pullFastForward();
      sync.requireSynced(Project.HO_PROD);
      return true;
    }
    sync.requireSynced(Project.HO_PROD);
    return false;
  }
}
