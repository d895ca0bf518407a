package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;

/** Clones a hop project's repository from its origin with {@code ho-prod} checked out. */
public final class Cloner {
  private final RemoteAccess access;
  private final HopEvents events;

  public Cloner(RemoteAccess access, HopEvents events) {
    this.access = access;
    this.events = events;
  }

  /**
   * Clones {@code url} into {@code dir} (which must not exist), checking out {@code branch}.
   *
   * @throws GitOperationException when origin cannot be reached or has no such branch
   */
  public void cloneInto(String url, Path dir, String branch) throws HopException {
    String command = "git clone --branch " + branch + " " + RemoteFailures.redact(url) + " " + dir;
    try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setRemote(GitWorkspace.ORIGIN)
        .setBranch(Constants.R_HEADS + branch).setCloneAllBranches(true)
        .setTransportConfigCallback(access::configure).call()) {
      if (git.getRepository().exactRef(Constants.R_HEADS + branch) == null) {
        throw new GitOperationException(command, "Cannot clone " + RemoteFailures.redact(url),
            new IllegalStateException("origin has no branch " + branch + ": it is not a hop project"));
      }
      events.accept(HopEvent.lifecycle("Cloned " + RemoteFailures.redact(url) + " into " + dir + " on " + branch));
    } catch (GitAPIException | java.io.IOException | RuntimeException e) {
      throw new GitOperationException(command, "Cannot clone " + RemoteFailures.redact(url), e);
    }
  }
}
