package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Archives a patch branch once its patch is in a release: {@code ho-patch/<id>} becomes
 * {@code ho-release/<X.Y.Z>/<id>}, locally and on origin, in one atomic push.
 */
public final class ReleaseArchive {
  private final GitWorkspace workspace;

  public ReleaseArchive(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /** {@code ho-patch/<id>}. */
  public static String patchBranch(PatchId id) {
    return Refs.PATCH_BRANCH_PREFIX + id;
  }

  /** {@code ho-release/<X.Y.Z>/<id>}. */
  public static String releaseBranch(Version version, PatchId id) {
    return Refs.RELEASE_BRANCH_PREFIX + version + "/" + id;
  }

  /**
   * Renames the patch branch (the local one, else origin's as of the last fetch) to its release branch on
   * origin and locally; returns the archived commit.
   *
   * @throws RepositoryStateException MISSING_REF when the patch branch exists nowhere, REF_EXISTS when the
   *     release branch already exists, UNUSABLE when the patch branch is checked out
   */
  public GitId archive(PatchId id, Version version) throws HopException {
    return archive(id, version, List.of(), new Pusher(workspace)::pushAtomic);
  }

  /** How the refs are pushed, in one atomic push. */
  @FunctionalInterface
  public interface AtomicPush {
    void push(List<RefPush> refs) throws HopException;
  }

  /**
   * Archives the patch branch as {@link #archive(PatchId, Version)} does, in the same atomic push as the local
   * {@code branches} (fast-forward only, each set as its branch's upstream), made by {@code push} (a team lock's,
   * that releases the lock with them): origin takes all or none, so that a stage file committed on ho-prod reaches
   * origin together with its patch's release branch.
   */
  public GitId archive(PatchId id, Version version, List<String> branches, AtomicPush push) throws HopException {
    String from = patchBranch(id);
    String to = releaseBranch(version, id);
    Branches refs = new Branches(workspace);
    if (from.equals(workspace.currentBranch())) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, from, List.of(),
          "Cannot archive " + from + " while it is checked out. Switch to ho-prod first: git switch ho-prod");
    }
    if (refs.existsLocally(to) || refs.existsOnOrigin(to)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, to, List.of(),
          "Cannot archive " + from + ": " + to + " already exists. See it with: git log -1 " + to);
    }
    GitId tip = refs.tip(from);
    List<RefPush> pushes = new ArrayList<>();
    for (String branch : branches) {
      pushes.add(RefPush.branch(branch, refs.tip(branch).objectId()));
    }
    pushes.add(RefPush.create(Constants.R_HEADS + to, tip.objectId()));
    Optional<ObjectId> onOrigin = workspace.resolve(Refs.remoteBranch(from));
    onOrigin.ifPresent(old -> pushes.add(RefPush.delete(Constants.R_HEADS + from, old)));
    push.push(pushes);
    refs.setUpstreams(branches);
    refs.create(to, tip);
    refs.deleteLocally(from);
    workspace.events().accept(HopEvent.lifecycle("Archived " + from + " as " + to));
    return tip;
  }
}
