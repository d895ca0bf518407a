package dev.hop.core.errors;

import java.util.List;
import java.util.Objects;

/**
 * Refuses a Git step that the state of the user's repository does not allow (uncommitted files, a
 * branch not synced with origin, a conflicting merge, a missing or existing branch), carrying the
 * offending ref and paths and naming the command that fixes it.
 */
public final class RepositoryStateException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the repository refuses the step. */
  public enum Reason {
    /** The work tree or index holds changes (modified, staged or untracked files). */
    NOT_CLEAN,
    /** A branch differs from its origin counterpart (ahead, behind, diverged or missing on one side). */
    NOT_SYNCED,
    /** A merge conflicted; it was aborted and the repository is back at its pre-merge commit. */
    MERGE_CONFLICT,
    /** A branch, tag or revision that the step needs does not exist (locally nor on origin). */
    MISSING_REF,
    /** A branch or tag that the step would create already exists. */
    REF_EXISTS,
    /** The repository is not in a state to run the step (no commit yet, a rebase in progress, detached HEAD). */
    UNUSABLE,
    /** The checked-out branch is not the one the goal runs on (ho-prod, or a ho-patch/* branch). */
    WRONG_BRANCH,
    /** The repository has no remote called origin, which the team goals share ho-prod through. */
    NO_ORIGIN
  }

  private final Reason reason;
  private final String ref;
  private final List<String> paths;

  public RepositoryStateException(Reason reason, String ref, List<String> paths, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.ref = ref == null ? "" : ref;
    this.paths = List.copyOf(paths);
  }

  public Reason reason() {
    return reason;
  }

  /** The branch, tag or revision concerned; empty when none. */
  public String ref() {
    return ref;
  }

  /** The offending paths (uncommitted or conflicting files), repository-relative; empty when none. */
  public List<String> paths() {
    return paths;
  }
}
