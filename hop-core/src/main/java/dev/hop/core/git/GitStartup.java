package dev.hop.core.git;

import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.util.SystemReader;

/**
 * Runs JGit's one-time start-up on a thread of its own, so that a goal can read its files and query its database
 * meanwhile: loading JGit, detecting the file system, and finding the system-wide Git configuration, which JGit does
 * by running {@code git --version} and {@code git config --system} (about a tenth of a second, more on a busy
 * machine). {@link #await()} waits for it before a repository is opened, and before the goal ends (the thread must
 * not outlive it: Maven then disposes of the plugin's class loader). A failure here is left for the opening to meet
 * and report.
 */
public final class GitStartup {
  private final Thread thread;

  private GitStartup(Thread thread) {
    this.thread = thread;
  }

  /** Starts the start-up; the thread inherits the caller's context class loader. */
  public static GitStartup begin() {
    Thread thread = new Thread(GitStartup::run, "hop-git-startup");
    thread.setDaemon(true);
    thread.start();
    return new GitStartup(thread);
  }

  private static void run() {
    try {
      SystemReader.getInstance().getSystemConfig();
      SystemReader.getInstance().getUserConfig();
    } catch (IOException | ConfigInvalidException | RuntimeException e) {
      // opening the repository reads the same configuration again and reports what is wrong with it
    }
  }

  /** Waits until the start-up is over. */
  public void await() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the start-up is over. */
  boolean isDone() {
    return !thread.isAlive();
  }
}
