package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Merges branches one after the other onto the checked-out commit, each as {@code git merge --no-ff} with a
 * {@code [ho]} commit (as {@link Merger} does), but in memory: the trees are merged and the commits written, while
 * the branch, the index and the work tree stay as they were, for the caller to check the result out once. For a
 * throw-away work tree that merges a whole stage, where a checkout and a status scan per branch cost more than the
 * merges.
 */
public final class InMemoryMerger {
  private final GitWorkspace workspace;
  private final Clock clock;

  public InMemoryMerger(GitWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /**
   * Merges each of {@code branches} (the local branch, else {@code origin/<branch>}) in turn, skipping those merged
   * already, starting from the checked-out commit.
   *
   * @param summary the merge commit's subject without {@code [ho]}, from the name of the branch merged
   * @return the last merge commit (the checked-out commit when every branch was merged already)
   * @throws RepositoryStateException MERGE_CONFLICT naming the branch and the conflicting paths, MISSING_REF when a
   *     branch exists nowhere
   */
  public GitId merge(List<String> branches, UnaryOperator<String> summary) throws HopException {
    String current = workspace.currentBranch();
    Branches refs = new Branches(workspace);
    try (ObjectInserter inserter = workspace.repository().newObjectInserter();
        RevWalk walk = new RevWalk(workspace.repository())) {
      RevCommit tip = walk.parseCommit(workspace.resolve(Constants.HEAD).orElseThrow());
      PersonIdent me = Identity.of(workspace, clock);
      for (String branch : branches) {
        String source = refs.existsLocally(branch) ? branch : GitWorkspace.ORIGIN + "/" + branch;
        RevCommit other = walk.parseCommit(refs.tip(branch).objectId());
        if (walk.isMergedInto(other, tip)) {
          continue;
        }
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter,
            workspace.repository().getConfig());
        if (!merger.merge(tip, other)) {
          List<String> paths = List.copyOf(merger.getUnmergedPaths());
          throw new RepositoryStateException(RepositoryStateException.Reason.MERGE_CONFLICT, branch, paths,
              "Merge of " + source + " into " + current + " conflicts on " + String.join(", ", paths)
                  + "; nothing was changed");
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(merger.getResultTreeId());
        commit.setParentIds(tip, other);
        commit.setAuthor(me);
        commit.setCommitter(me);
        commit.setMessage(Committer.subject(summary.apply(branch)));
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        tip = walk.parseCommit(id);
        walk.reset();
        workspace.events().accept(HopEvent.detail("Merged " + source + " into " + current));
      }
      return GitId.of(tip);
    } catch (IOException e) {
      throw new GitOperationException("git merge --no-ff " + String.join(" ", branches),
          "Cannot merge " + String.join(", ", branches) + " into " + current, e);
    }
  }
}
