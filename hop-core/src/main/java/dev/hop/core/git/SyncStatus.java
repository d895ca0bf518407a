package dev.hop.core.git;

import java.util.Objects;

/**
 * How a local branch compares with its counterpart on origin, as of the last fetch.
 *
 * @param branch the short branch name, e.g. {@code ho-prod}
 * @param state the comparison
 * @param ahead commits on the local branch that origin lacks
 * @param behind commits on origin that the local branch lacks
 */
public record SyncStatus(String branch, State state, int ahead, int behind) {

  /** The five ways a branch compares with origin's. */
  public enum State {
    SYNCED, AHEAD, BEHIND, DIVERGED, LOCAL_ONLY, ORIGIN_ONLY
  }

  public SyncStatus {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(state, "state");
  }

  static SyncStatus of(String branch, int ahead, int behind) {
    State state = ahead == 0 && behind == 0 ? State.SYNCED
        : behind == 0 ? State.AHEAD : ahead == 0 ? State.BEHIND : State.DIVERGED;
    return new SyncStatus(branch, state, ahead, behind);
  }

  /** A sentence for messages, e.g. {@code ho-prod is 2 commits behind origin/ho-prod}. */
  public String describe() {
    String remote = GitWorkspace.ORIGIN + "/" + branch;
    return switch (state) {
      case SYNCED -> branch + " is in sync with " + remote;
      case AHEAD -> branch + " is " + commits(ahead) + " ahead of " + remote;
      case BEHIND -> branch + " is " + commits(behind) + " behind " + remote;
      case DIVERGED -> branch + " and " + remote + " have diverged (" + ahead + " and " + behind
          + " different commits)";
      case LOCAL_ONLY -> branch + " does not exist on origin";
      case ORIGIN_ONLY -> branch + " exists only on origin";
    };
  }

  /** The git command that brings the branch in sync. */
  public String remedy() {
    return switch (state) {
      case SYNCED -> "nothing to do";
      case AHEAD, LOCAL_ONLY -> "git push origin " + branch;
      case BEHIND -> "git pull --ff-only origin " + branch;
      case DIVERGED -> "git pull --rebase origin " + branch + " (then resolve and push)";
      case ORIGIN_ONLY -> "git switch " + branch;
    };
  }

  private static String commits(int n) {
    return n + (n == 1 ? " commit" : " commits");
  }
}
