package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Lists the open patch branches ({@code ho-patch/*}, local and origin's as of the last fetch) and tells for
 * each whether it must merge ho-prod, that is whether ho-prod's tip is not one of its ancestors.
 */
public final class PatchBranches {
  private final GitWorkspace workspace;

  public PatchBranches(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /**
   * One patch branch.
   *
   * @param name the short name, {@code ho-patch/12-users}
   * @param local whether the branch exists locally
   * @param onOrigin whether origin has it
   * @param mustMergeHoProd whether ho-prod has commits the branch lacks (the local branch, else origin's)
   */
  public record State(String name, boolean local, boolean onOrigin, boolean mustMergeHoProd) {
  }

  /** Every patch branch, by name. */
  public List<State> list() throws GitOperationException {
    Map<String, Boolean[]> found = new TreeMap<>();
    try {
      for (Ref ref : workspace.repository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS
          + Refs.PATCH_BRANCH_PREFIX)) {
        found.computeIfAbsent(ref.getName().substring(Constants.R_HEADS.length()), k -> new Boolean[] {false, false})[0]
            = true;
      }
      for (Ref ref : workspace.repository().getRefDatabase().getRefsByPrefix(Refs.REMOTES_ORIGIN
          + Refs.PATCH_BRANCH_PREFIX)) {
        found.computeIfAbsent(ref.getName().substring(Refs.REMOTES_ORIGIN.length()), k -> new Boolean[] {false, false})[1]
            = true;
      }
    } catch (IOException e) {
      throw new GitOperationException("git branch -a --list '*ho-patch/*'", "Cannot list the patch branches", e);
    }
    Optional<ObjectId> prod = workspace.resolve(Constants.R_HEADS + Refs.PRODUCTION_BRANCH)
        .or(() -> resolveQuietly(Refs.remoteBranch(Refs.PRODUCTION_BRANCH)));
    List<State> states = new ArrayList<>();
    for (Map.Entry<String, Boolean[]> e : found.entrySet()) {
      String name = e.getKey();
      ObjectId tip = e.getValue()[0] ? workspace.resolve(Constants.R_HEADS + name).orElseThrow()
          : workspace.resolve(Refs.remoteBranch(name)).orElseThrow();
      states.add(new State(name, e.getValue()[0], e.getValue()[1], prod.isPresent() && !contains(tip, prod.get(),
          name)));
    }
    return List.copyOf(states);
  }

  private boolean contains(ObjectId tip, ObjectId prod, String name) throws GitOperationException {
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      return walk.isMergedInto(walk.parseCommit(prod), walk.parseCommit(tip));
    } catch (IOException e) {
      throw new GitOperationException("git merge-base --is-ancestor ho-prod " + name,
          "Cannot compare " + name + " with ho-prod", e);
    }
  }

  private Optional<ObjectId> resolveQuietly(String ref) {
    try {
      return workspace.resolve(ref);
    } catch (GitOperationException e) {
      return Optional.empty();
    }
  }
}
