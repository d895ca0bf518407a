package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.RepositoryStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Tells whether the work tree and index are clean, listing the offending paths (ignored files do not count). */
public final class WorkTreeCheck {
  private static final int LISTED = 10;

  private final GitWorkspace workspace;

  public WorkTreeCheck(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /** The uncommitted paths, by kind, each list sorted. */
  public record Changes(List<String> modified, List<String> staged, List<String> untracked) {
    public Changes {
      modified = List.copyOf(modified);
      staged = List.copyOf(staged);
      untracked = List.copyOf(untracked);
    }

    public boolean isClean() {
      return modified.isEmpty() && staged.isEmpty() && untracked.isEmpty();
    }

    /** Every offending path once, sorted. */
    public List<String> all() {
      TreeSet<String> all = new TreeSet<>(modified);
      all.addAll(staged);
      all.addAll(untracked);
      return List.copyOf(all);
    }
  }

  /**
   * Reads the uncommitted changes (like {@code git status --porcelain}): through Git itself when it is on the PATH
   * ({@link GitStatusProgram}: it spares a fresh JVM loading JGit), else, or when Git fails, through JGit.
   */
  public Changes changes() throws GitOperationException {
    Optional<Changes> fromGit = throughGit(Optional.empty());
    if (fromGit.isPresent()) {
      return fromGit.get();
    }
    try {
      Status status = workspace.git().status().call();
      TreeSet<String> modified = new TreeSet<>(status.getModified());
      modified.addAll(status.getMissing());
      modified.addAll(status.getConflicting());
      TreeSet<String> staged = new TreeSet<>(status.getAdded());
      staged.addAll(status.getChanged());
      staged.addAll(status.getRemoved());
      return new Changes(List.copyOf(modified), List.copyOf(staged), List.copyOf(new TreeSet<>(status.getUntracked())));
    } catch (GitAPIException | RuntimeException e) {
      throw new GitOperationException("git status --porcelain", "Cannot read the status of " + workspace.workTree(), e);
    }
  }

  /**
   * The uncommitted changes below {@code folder} (repository-relative, e.g. {@code releases}) as Git itself reads
   * them; empty when Git is not on the PATH or failed, for the caller to compare another way.
   */
  public Optional<Changes> changesThroughGit(String folder) {
    return throughGit(Optional.of(folder));
  }

  private Optional<Changes> throughGit(Optional<String> folder) {
    return workspace.gitProgram().flatMap(git -> new GitStatusProgram(git).changes(workspace.workTree(), folder));
  }

  /**
   * Refuses when anything is uncommitted.
   *
   * @param step what the caller is about to do, e.g. {@code start patch 12-users}
   * @throws RepositoryStateException with reason NOT_CLEAN, listing the paths
   */
  public void requireClean(String step) throws RepositoryStateException, GitOperationException {
    Changes changes = changes();
    if (changes.isClean()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    describe(parts, "modified", changes.modified());
    describe(parts, "staged", changes.staged());
    describe(parts, "untracked", changes.untracked());
    List<String> all = changes.all();
    throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, "", all,
        "Repository is not clean: cannot " + step + " with " + all.size() + " uncommitted file"
            + (all.size() == 1 ? "" : "s") + " in " + workspace.workTree() + " (" + String.join("; ", parts)
            + "). Commit them, or set them aside with: git stash --include-untracked");
  }

  private static void describe(List<String> parts, String kind, List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    String listed = String.join(", ", paths.subList(0, Math.min(LISTED, paths.size())));
    parts.add(kind + ": " + listed + (paths.size() > LISTED ? " and " + (paths.size() - LISTED) + " more" : ""));
  }
}
