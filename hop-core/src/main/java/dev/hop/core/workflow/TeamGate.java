package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.LockOwner;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.TeamLock;
import dev.hop.core.git.WorkTreeCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Lets a team goal (patch-add, promote) change ho-prod: checks that the project is on a clean ho-prod synced
 * with origin, then takes the team lock and checks the sync again under it.
 */
public final class TeamGate {
  private final Project project;

  public TeamGate(Project project) {
    this.project = project;
  }

  /**
   * Refuses unless the project is on ho-prod, clean, and (after a fetch) at origin's ho-prod.
   *
   * @param step what the goal is about to do, for messages (e.g. {@code add patch 12-users})
   * @throws RepositoryStateException "Must be on ho-prod branch", "Repository is not clean", "Repository not
   *     synced with origin"
   */
  public void requireReady(String step) throws HopException {
    requireReady(project.git(), step);
  }

  /**
   * {@link #requireReady(String)} on {@code git}, the project's repository, for a goal that opened it on a thread of
   * its own ({@link Project#startGit}).
   */
  public static void requireReady(GitWorkspace git, String step) throws HopException {
    String branch = git.currentBranch();
    if (!Project.HO_PROD.equals(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, branch, List.of(),
          "Must be on ho-prod branch to " + step + " (the current branch is " + branch + "). Run: git switch "
              + Project.HO_PROD + ", then run the goal again");
    }
    new WorkTreeCheck(git).requireClean(step);
    OriginSync sync = new OriginSync(git);
    sync.fetch();
    sync.requireSynced(Project.HO_PROD);
  }

  /**
   * Takes the team lock for {@code goal}, then fetches and checks again that ho-prod is at origin's (someone may
   * have pushed before the lock was ours); the caller closes the lock in a try-with-resources.
   *
   * @throws dev.hop.core.errors.TeamRefusalException LOCK_HELD naming the holder
   */
  public TeamLock lock(String goal) throws HopException {
    GitWorkspace git = project.git();
    TeamLock lock = TeamLock.acquire(git, goal, LockOwner.thisProcess(host()), project.settings().lockTimeout(),
        project.clock(), project.settings().hints());
    try {
      OriginSync sync = new OriginSync(git);
      sync.fetch();
      sync.requireSynced(Project.HO_PROD);
      return lock;
    } catch (HopException | RuntimeException e) {
      try {
        lock.close();
      } catch (HopException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
  }
}
