package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevWalkUtils;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/** Fetches from origin, compares local branches with origin's, and pulls fast-forward only. */
public final class OriginSync {
  static final String FETCH_COMMAND = "git fetch --prune origin '+refs/tags/*:refs/tags/*'";

  private final GitWorkspace workspace;

  public OriginSync(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /** What a fetch brings from origin: branches into {@code refs/remotes/origin/}, tags under their own names. */
  public enum Scope {
    /** Every branch and tag. */
    EVERYTHING("refs/heads/*", "refs/tags/*"),
    /**
     * What {@code status} reports: ho-prod, the patch branches and the lock tag (through {@code lock-*}: a tag named
     * exactly would be an error whenever origin lacks it, that is whenever nobody holds the lock).
     */
    STATUS("refs/heads/" + Refs.PRODUCTION_BRANCH, "refs/heads/" + Refs.PATCH_BRANCH_PREFIX + "*",
        Constants.R_TAGS + "lock-*"),
    /** What a production host reads: ho-prod and the release tags ({@code vX.Y.Z}, and the rc tags with them). */
    PRODUCTION("refs/heads/" + Refs.PRODUCTION_BRANCH, "refs/tags/v*");

    private final List<RefSpec> specs;

    Scope(String... sources) {
      List<RefSpec> list = new ArrayList<>();
      for (String source : sources) {
        String destination = source.startsWith(Constants.R_HEADS)
            ? Refs.REMOTES_ORIGIN + source.substring(Constants.R_HEADS.length()) : source;
        list.add(new RefSpec("+" + source + ":" + destination));
      }
      this.specs = List.copyOf(list);
    }

    /** The refspecs, forced: origin's refs replace the local copies. */
    List<RefSpec> specs() {
      return specs;
    }

    /**
     * Where the local copies of this scope's refs start (a pattern cut at its {@code *}, an exact name as is): a
     * prune reads only those, not the thousands of archived branches and patch tags a production clone also holds.
     */
    List<String> localPrefixes() {
      return specs.stream().map(spec -> {
        String destination = spec.getDestination();
        int star = destination.indexOf('*');
        return star < 0 ? destination : destination.substring(0, star);
      }).toList();
    }

    /** Whether origin's ref {@code name} is one this scope fetches. */
    boolean covers(String name) {
      for (RefSpec spec : specs) {
        if (spec.matchSource(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Fetches every branch and tag of origin, then removes the remote-tracking branches origin no longer has
   * and hop's own tags ({@code ho-patch/*}, {@code lock-ho-prod}) that origin no longer has, so a released lock
   * or a deleted branch does not linger; the user's other local tags are left alone.
   */
  public void fetch() throws HopException {
    fetch(Scope.EVERYTHING);
  }

  /**
   * Fetches what {@code scope} names, then removes, within that scope, the remote-tracking branches and hop's own
   * tags that origin no longer has (see {@link #fetch()}). A narrow scope asks origin for less: with Git's protocol
   * v2 origin then lists only those refs, instead of every patch tag and archived branch of the history.
   */
  public void fetch(Scope scope) throws HopException {
    FetchResult result = talk(FETCH_COMMAND, "Cannot fetch from origin", () -> workspace.remote(workspace.git().fetch())
        .setRemote(GitWorkspace.ORIGIN).setRefSpecs(scope.specs()).setTagOpt(TagOpt.NO_TAGS)
        .setRemoveDeletedRefs(false).call());
    pruneGone(result, scope);
    workspace.events().accept(HopEvent.detail("Fetched origin (" + workspace.originUrl() + ")"));
  }

  /**
   * Deletes the local refs that mirror origin's branches and hop's tags which origin did not advertise, among those
   * {@code scope} fetches.
   */
  private void pruneGone(FetchResult result, Scope scope) throws HopException {
    Set<String> advertised = result.getAdvertisedRefs().stream().map(Ref::getName).collect(Collectors.toSet());
    Tags tags = new Tags(workspace, Clock.systemUTC());
    try {
      for (String prefix : scope.localPrefixes()) {
        for (Ref local : workspace.repository().getRefDatabase().getRefsByPrefix(prefix)) {
          String name = local.getName();
          boolean tracking = name.startsWith(Refs.REMOTES_ORIGIN);
          String onOrigin = tracking ? Constants.R_HEADS + name.substring(Refs.REMOTES_ORIGIN.length()) : name;
          boolean hops = tracking ? !local.isSymbolic() : isHopTag(name);
          if (hops && scope.covers(onOrigin) && !advertised.contains(onOrigin)) {
            tags.deleteRef(name);
          }
        }
      }
    } catch (IOException e) {
      throw new GitOperationException(FETCH_COMMAND, "Cannot remove the refs origin deleted", e);
    }
  }

  /** Whether {@code name} is one of hop's own tags: a patch number's reservation or the team lock. */
  private static boolean isHopTag(String name) {
    return name.startsWith(Constants.R_TAGS + Refs.PATCH_BRANCH_PREFIX) || name.equals(Refs.LOCK_TAG);
  }

  /**
   * Fetches the one ref {@code ref} (e.g. {@code refs/tags/lock-ho-prod}) from origin into the same local ref,
   * replacing the local one; returns what origin has, empty (and the local ref deleted) when origin lacks it.
   */
  public Optional<ObjectId> fetchRef(String ref) throws HopException {
    String command = "git fetch origin +" + ref + ":" + ref;
    String failure = "Cannot fetch " + ref + " from origin";
    Optional<ObjectId> remote = talk(command, failure, () -> workspace.remote(workspace.git().lsRemote())
        .setRemote(GitWorkspace.ORIGIN).call().stream().filter(r -> r.getName().equals(ref))
        .map(r -> r.getObjectId()).findFirst());
    if (remote.isEmpty()) {
      new Tags(workspace, Clock.systemUTC()).deleteRef(ref);
      return Optional.empty();
    }
    talk(command, failure, () -> workspace.remote(workspace.git().fetch()).setRemote(GitWorkspace.ORIGIN)
        .setTagOpt(TagOpt.NO_TAGS).setRefSpecs(new RefSpec("+" + ref + ":" + ref)).call());
    return remote;
  }

  /** One exchange with origin. */
  @FunctionalInterface
  private interface Exchange<T> {
    T call() throws GitAPIException;
  }

  /**
   * Runs {@code exchange}; when it fails through Git's own upload-pack for an origin on disk, once more in process
   * (see {@link RemoteAccess}); a failure then is translated for {@code command}.
   */
  private <T> T talk(String command, String failure, Exchange<T> exchange) throws HopException {
    workspace.requireOrigin();
    try {
      return exchange.call();
    } catch (GitAPIException | RuntimeException e) {
      if (!workspace.retryInProcess()) {
        throw RemoteFailures.translate(workspace, command, failure, e);
      }
      try {
        return exchange.call();
      } catch (GitAPIException | RuntimeException again) {
        again.addSuppressed(e);
        throw RemoteFailures.translate(workspace, command, failure, again);
      }
    }
  }

  /**
   * Compares {@code branch} with {@code origin/<branch>} as of the last fetch.
   *
   * @throws RepositoryStateException MISSING_REF when neither exists
   */
  public SyncStatus status(String branch) throws RepositoryStateException, GitOperationException {
    Optional<ObjectId> local = workspace.resolve(Constants.R_HEADS + branch);
    Optional<ObjectId> remote = workspace.resolve(Refs.remoteBranch(branch));
    if (local.isEmpty() && remote.isEmpty()) {
      new Branches(workspace).tip(branch); // throws MISSING_REF: the branch exists on neither side
    }
    if (remote.isEmpty()) {
      return new SyncStatus(branch, SyncStatus.State.LOCAL_ONLY, 0, 0);
    }
    if (local.isEmpty()) {
      return new SyncStatus(branch, SyncStatus.State.ORIGIN_ONLY, 0, 0);
    }
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      RevCommit mine = walk.parseCommit(local.get());
      RevCommit theirs = walk.parseCommit(remote.get());
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(mine);
      walk.markStart(theirs);
      RevCommit base = walk.next();
      walk.reset();
      walk.setRevFilter(RevFilter.ALL);
      int ahead = base == null ? 1 : RevWalkUtils.count(walk, mine, base);
      walk.reset();
      int behind = base == null ? 1 : RevWalkUtils.count(walk, theirs, base);
      return SyncStatus.of(branch, ahead, behind);
    } catch (IOException e) {
      throw new GitOperationException("git rev-list --left-right --count " + branch + "...origin/" + branch,
          "Cannot compare " + branch + " with origin/" + branch, e);
    }
  }

  /**
   * Refuses unless {@code branch} and {@code origin/<branch>} point at the same commit.
   *
   * @throws RepositoryStateException with reason NOT_SYNCED, naming the git command that syncs them
   */
  public SyncStatus requireSynced(String branch) throws RepositoryStateException, GitOperationException {
    SyncStatus status = status(branch);
    if (status.state() != SyncStatus.State.SYNCED) {
      throw new RepositoryStateException(RepositoryStateException.Reason.NOT_SYNCED, branch, List.of(),
          "Repository not synced with origin: " + status.describe() + ". Run: " + status.remedy());
    }
    return status;
  }

  /** {@link #fetch()}, then {@link #fastForward()}: {@code git pull --ff-only}. */
  public SyncStatus pullFastForward() throws HopException {
    fetch();
    return fastForward();
  }

  /**
   * Brings the checked-out branch up to origin's as of the last fetch by a fast-forward; does nothing when it is
   * in sync or ahead.
   *
   * @throws RepositoryStateException NOT_SYNCED when the branches diverged, NOT_CLEAN when local changes are
   *     in the way
   */
  public SyncStatus fastForward() throws HopException {
    String branch = workspace.currentBranch();
    SyncStatus status = status(branch);
    switch (status.state()) {
      case SYNCED, AHEAD, LOCAL_ONLY -> {
        return status;
      }
      case DIVERGED -> throw new RepositoryStateException(RepositoryStateException.Reason.NOT_SYNCED, branch,
          List.of(), "Cannot fast-forward " + branch + ": " + status.describe() + ". Integrate origin's commits,"
              + " e.g.: " + status.remedy());
      default -> { }
    }
    try {
      MergeResult result = workspace.git().merge().include(workspace.repository().resolve(Refs.remoteBranch(branch)))
          .setFastForward(FastForwardMode.FF_ONLY).setCommit(true).call();
      if (!result.getMergeStatus().isSuccessful()) {
        throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, branch,
            Refs.paths(result.getFailingPaths()), "Cannot fast-forward " + branch + " to origin/" + branch + ": "
                + result.getMergeStatus() + ". Commit or stash local changes (git stash --include-untracked),"
                + " then run: git pull --ff-only");
      }
      workspace.events().accept(HopEvent.lifecycle("Pulled " + status.behind() + " commit(s) from origin/" + branch));
      return status(branch);
    } catch (CheckoutConflictException e) {
      throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, branch, e.getConflictingPaths(),
          "Cannot fast-forward " + branch + ": local changes to " + e.getConflictingPaths() + " would be"
              + " overwritten. Commit or stash them (git stash --include-untracked), then run: git pull --ff-only");
    } catch (GitAPIException | IOException e) {
      throw new GitOperationException("git pull --ff-only origin " + branch, "Cannot fast-forward " + branch, e);
    }
  }
}
