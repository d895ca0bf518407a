package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Attaches a HEAD that CI left detached to the branch it checked out, so that hop works, and commits, on the branch:
 * only when HEAD is the commit origin has for that branch (as of the last fetch), and the local branch, if any, has
 * nothing that commit lacks. The work tree does not change: the branch is set to HEAD's commit, then HEAD names it.
 */
final class DetachedHead {

  private DetachedHead() {
  }

  /**
   * Attaches HEAD to {@code branch} when it is detached and may be.
   *
   * @return why it was left detached, for the refusal that follows; empty when HEAD was attached (or already was)
   */
  static String attach(GitWorkspace workspace, CiBranch branch) throws GitOperationException {
    Repository repository = workspace.repository();
    try {
      Ref head = repository.exactRef(Constants.HEAD);
      if (head == null || head.isSymbolic() || head.getObjectId() == null) {
        return "";
      }
      ObjectId commit = head.getObjectId();
      String name = branch.name();
      Optional<ObjectId> onOrigin = workspace.resolve(Refs.remoteBranch(name));
      String expected = branch.source() + " names " + name;
      if (onOrigin.isEmpty()) {
        return expected + ", which origin does not have as of the last fetch. Fetch it (git fetch origin " + name
            + ") and check out its commit, or name the right branch with -Dhop.branch=<branch>";
      }
      if (!onOrigin.get().equals(commit)) {
        return expected + ", but HEAD (" + commit.abbreviate(7).name() + ") is not origin's " + name + " ("
            + onOrigin.get().abbreviate(7).name() + "): hop expected the checkout of that commit. Check it out (git"
            + " checkout " + onOrigin.get().name() + "), or name the right branch with -Dhop.branch=<branch>";
      }
      Optional<ObjectId> local = workspace.resolve(Constants.R_HEADS + name);
      if (local.isPresent() && !local.get().equals(commit) && !isAncestor(repository, local.get(), commit)) {
        return expected + ", but the local branch " + name + " has commits that origin's lacks; hop leaves them"
            + " alone. Switch to it (git switch " + name + ") and push or drop them";
      }
      RefUpdate branchUpdate = repository.updateRef(Constants.R_HEADS + name);
      branchUpdate.setNewObjectId(commit);
      branchUpdate.setForceUpdate(true);
      branchUpdate.setRefLogMessage("hop: attached the detached HEAD (" + branch.source() + ")", false);
      RefUpdate.Result moved = branchUpdate.update();
      if (moved != RefUpdate.Result.NEW && moved != RefUpdate.Result.FORCED && moved != RefUpdate.Result.NO_CHANGE
          && moved != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("setting " + name + " answered " + moved);
      }
      RefUpdate.Result linked = repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + name);
      if (linked != RefUpdate.Result.FORCED && linked != RefUpdate.Result.NEW
          && linked != RefUpdate.Result.NO_CHANGE) {
        throw new IOException("pointing HEAD at " + name + " answered " + linked);
      }
      workspace.events().accept(HopEvent.lifecycle("HEAD was detached at " + commit.abbreviate(7).name() + ", origin's "
          + name + " (" + branch.source() + "): hop works on " + name));
      return "";
    } catch (IOException e) {
      throw new GitOperationException("git switch -C " + branch.name(), "Cannot attach the detached HEAD to "
          + branch.name(), e);
    }
  }

  private static boolean isAncestor(Repository repository, ObjectId ancestor, ObjectId descendant)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(descendant));
    }
  }
}
