package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Merges a branch into the checked-out one with {@code --no-ff} semantics and a {@code [ho]} message; a
 * conflicting merge is aborted (work tree and index back at the pre-merge commit) and reported.
 */
public final class Merger {
  private final GitWorkspace workspace;
  private final Clock clock;

  public Merger(GitWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /**
   * Merges {@code branch} (the local branch, else {@code origin/<branch>}) into the current branch.
   *
   * @param summary the merge commit's subject without {@code [ho]}
   * @return the merge commit, or empty when the current branch already contains {@code branch}
   * @throws RepositoryStateException MERGE_CONFLICT (aborted, with the conflicting paths), NOT_CLEAN when
   *     uncommitted changes are in the way, MISSING_REF when the branch exists nowhere
   */
  public Optional<GitId> merge(String branch, String summary) throws HopException {
    new WorkTreeCheck(workspace).requireClean("merge " + branch);
    Branches branches = new Branches(workspace);
    String source = branches.existsLocally(branch) ? branch : GitWorkspace.ORIGIN + "/" + branch;
    ObjectId tip = branches.tip(branch).objectId();
    String current = workspace.currentBranch();
    ObjectId before = workspace.resolve(Constants.HEAD).orElseThrow();
    String command = "git merge --no-ff -m '" + Committer.subject(summary) + "' " + source;
    try {
      MergeResult result = workspace.git().merge().include(source, tip).setFastForward(FastForwardMode.NO_FF)
          .setCommit(false).call();
      switch (result.getMergeStatus()) {
        case ALREADY_UP_TO_DATE -> {
          return Optional.empty();
        }
        case MERGED_NOT_COMMITTED -> {
          PersonIdent me = Identity.of(workspace, clock);
          ObjectId merge = workspace.git().commit().setMessage(Committer.subject(summary)).setAuthor(me)
              .setCommitter(me).setSign(false).call().getId();
          workspace.events().accept(HopEvent.detail("Merged " + source + " into " + current));
          return Optional.of(GitId.of(merge));
        }
        case CONFLICTING -> {
          List<String> paths = Refs.paths(result.getConflicts());
          abort(before);
          throw new RepositoryStateException(RepositoryStateException.Reason.MERGE_CONFLICT, source, paths,
              "Merge of " + source + " into " + current + " conflicts on " + String.join(", ", paths) + "; the merge"
                  + " was aborted and " + current + " is back at " + before.abbreviate(7).name() + ". Resolve it by"
                  + " hand: " + command + ", fix the files, git commit; or update " + branch + " from " + current
                  + " first");
        }
        default -> {
          List<String> paths = Refs.paths(result.getFailingPaths());
          abort(before);
          throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, source, paths,
              "Cannot merge " + source + " into " + current + " (" + result.getMergeStatus() + "): local files "
                  + paths + " are in the way. Commit or stash them (git stash --include-untracked), then run again");
        }
      }
    } catch (GitAPIException | IOException e) {
      abortQuietly(before);
      throw new GitOperationException(command, "Cannot merge " + source + " into " + current, e);
    }
  }

  /** Like {@code git merge --abort}: index and work tree back at {@code before}, merge state cleared. */
  private void abort(ObjectId before) throws GitAPIException, IOException {
    workspace.git().reset().setMode(ResetType.HARD).setRef(before.name()).call();
    workspace.repository().writeMergeCommitMsg(null);
    workspace.repository().writeMergeHeads(null);
  }

  private void abortQuietly(ObjectId before) {
    try {
      abort(before);
    } catch (GitAPIException | IOException | RuntimeException e) {
      workspace.events().accept(HopEvent.warn("Could not abort the merge: " + e.getMessage()
          + ". Run: git merge --abort"));
    }
  }
}
