package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;

/** Creates, switches to and deletes branches, locally and on origin. */
public final class Branches {
  private final GitWorkspace workspace;

  public Branches(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  public boolean existsLocally(String branch) throws GitOperationException {
    return workspace.resolve(Constants.R_HEADS + branch).isPresent();
  }

  /** Whether origin had {@code branch} at the last fetch. */
  public boolean existsOnOrigin(String branch) throws GitOperationException {
    return workspace.resolve(Refs.remoteBranch(branch)).isPresent();
  }

  /**
   * The commit of {@code branch}: the local branch, else origin's (as of the last fetch).
   *
   * @throws RepositoryStateException MISSING_REF when neither exists
   */
  public GitId tip(String branch) throws RepositoryStateException, GitOperationException {
    Optional<ObjectId> local = workspace.resolve(Constants.R_HEADS + branch);
    if (local.isPresent()) {
      return GitId.of(local.get());
    }
    return workspace.resolve(Refs.remoteBranch(branch)).map(GitId::of).orElseThrow(() -> new RepositoryStateException(
        RepositoryStateException.Reason.MISSING_REF, branch, List.of(), "Branch " + branch
            + " exists neither locally nor on origin. Fetch first (" + OriginSync.FETCH_COMMAND + "), and check the"
            + " name with: git branch -a"));
  }

  /**
   * Creates local {@code branch} at {@code start} (a commit id).
   *
   * @throws RepositoryStateException REF_EXISTS when it already exists
   */
  public void create(String branch, GitId start) throws RepositoryStateException, GitOperationException {
    if (existsLocally(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, branch, List.of(),
          "Branch " + branch + " already exists. Delete it first if it is stale: git branch -D " + branch);
    }
    try {
      RefUpdate update = workspace.repository().updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(start.objectId());
      update.setExpectedOldObjectId(ObjectId.zeroId());
      update.setRefLogMessage("hop: created from " + start.name(), false);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW) {
        throw new IOException("ref update answered " + result);
      }
    } catch (IOException e) {
      throw new GitOperationException("git branch " + branch + " " + start.name(), "Cannot create branch " + branch, e);
    }
  }

  /**
   * Checks out {@code branch} (creating it from origin's when only origin has it).
   *
   * @throws RepositoryStateException NOT_CLEAN when local changes are in the way, MISSING_REF when it exists nowhere
   */
  public void switchTo(String branch) throws HopException {
    if (!existsLocally(branch)) {
      create(branch, tip(branch));
    }
    try {
      workspace.git().checkout().setName(branch).call();
    } catch (CheckoutConflictException e) {
      throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, branch, e.getConflictingPaths(),
          "Cannot switch to " + branch + ": local changes to " + e.getConflictingPaths() + " would be overwritten."
              + " Commit or stash them (git stash --include-untracked), then run: git switch " + branch);
    } catch (GitAPIException e) {
      throw new GitOperationException("git switch " + branch, "Cannot switch to " + branch, e);
    }
  }

  /**
   * Deletes local {@code branch}, merged or not; does nothing when it does not exist.
   *
   * @throws RepositoryStateException UNUSABLE when it is the checked-out branch
   */
  public void deleteLocally(String branch) throws HopException {
    if (!existsLocally(branch)) {
      return;
    }
    if (branch.equals(workspace.currentBranch())) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, branch, List.of(),
          "Cannot delete " + branch + ": it is checked out. Switch away first, e.g.: git switch ho-prod");
    }
    try {
      RefUpdate update = workspace.repository().updateRef(Constants.R_HEADS + branch);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.delete();
      if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
        throw new IOException("ref delete answered " + result);
      }
    } catch (IOException e) {
      throw new GitOperationException("git branch -D " + branch, "Cannot delete branch " + branch, e);
    }
  }

  /** Pushes local {@code branch} to origin (fast-forward only), setting it as the branch's upstream. */
  public void push(String branch) throws HopException {
    pushTogether(List.of(branch));
  }

  /**
   * Pushes local {@code branches} to origin in one atomic push (origin takes all or none, fast-forward
   * only), setting each as its branch's upstream.
   */
  public void pushTogether(List<String> branches) throws HopException {
    List<RefPush> refs = new java.util.ArrayList<>();
    for (String branch : branches) {
      refs.add(RefPush.branch(branch, tip(branch).objectId()));
    }
    new Pusher(workspace).pushAtomic(refs);
    setUpstreams(branches);
  }

  /** Sets origin's branch of the same name as the upstream of each of the local {@code branches}. */
  void setUpstreams(List<String> branches) throws GitOperationException {
    for (String branch : branches) {
      try {
        var config = workspace.repository().getConfig();
        config.setString("branch", branch, "remote", GitWorkspace.ORIGIN);
        config.setString("branch", branch, "merge", Constants.R_HEADS + branch);
        config.save();
      } catch (IOException e) {
        throw new GitOperationException("git branch --set-upstream-to=origin/" + branch + " " + branch,
            "Cannot record the upstream of " + branch, e);
      }
    }
  }

  /**
   * Pushes local {@code branch} (fast-forward only) and the new local tag {@code tag} to origin in one atomic push;
   * origin refuses both when it has the tag already.
   */
  public void pushWithNewTag(String branch, String tag) throws HopException {
    ObjectId tagObject = workspace.target(Refs.tag(tag)).orElseThrow(() -> new RepositoryStateException(
        RepositoryStateException.Reason.MISSING_REF, tag, List.of(), "Tag " + tag + " does not exist locally"));
    new Pusher(workspace).pushAtomic(List.of(RefPush.branch(branch, tip(branch).objectId()),
        RefPush.create(Refs.tag(tag), tagObject)));
  }
}
