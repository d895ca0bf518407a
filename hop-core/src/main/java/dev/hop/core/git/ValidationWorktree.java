package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.util.FileUtils;

/**
 * A throw-away clone of the project repository in a folder of its own (e.g. under {@code target/hop/}), on a new
 * branch, that borrows the project's objects (Git alternates) instead of copying them; closing it deletes the folder.
 * The project repository is never written to.
 */
public final class ValidationWorktree implements AutoCloseable {
  private final Path folder;
  private final GitWorkspace workspace;

  private ValidationWorktree(Path folder, GitWorkspace workspace) {
    this.folder = folder;
    this.workspace = workspace;
  }

  /**
   * Makes the clone in {@code folder} (replacing a leftover one) with all of the project's branches,
   * remote-tracking branches and tags, on the new {@code branch} at {@code start}; nothing is checked out until
   * {@link #checkOut}, so that a caller merging in memory writes the files once.
   */
  public static ValidationWorktree create(GitWorkspace project, Path folder, String branch, GitId start)
      throws HopException {
    String command = "git clone --shared --no-checkout " + project.workTree() + " " + folder + " && git -C " + folder
        + " branch " + branch + " " + start.name() + " && git -C " + folder + " symbolic-ref HEAD refs/heads/"
        + branch;
    try {
      if (Files.exists(folder)) {
        project.events().accept(HopEvent.detail("Removing the leftover work tree " + folder));
        FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
      }
      Files.createDirectories(folder);
      try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch(branch).call()) {
        Repository clone = git.getRepository();
        Path objects = project.repository().getDirectory().toPath().resolve("objects");
        Path alternates = clone.getDirectory().toPath().resolve("objects").resolve("info").resolve("alternates");
        Files.createDirectories(alternates.getParent());
        Files.writeString(alternates, objects.toAbsolutePath() + "\n");
        StoredConfig config = clone.getConfig();
        config.setString("remote", GitWorkspace.ORIGIN, "url", project.repository().getConfig().getString("remote",
            GitWorkspace.ORIGIN, "url"));
        config.setString("remote", GitWorkspace.ORIGIN, "fetch", "+refs/heads/*:refs/remotes/origin/*");
        config.save();
      }
      GitWorkspace workspace = GitWorkspace.open(folder, project.access(), project.events());
      try {
        copyRefs(project.repository(), workspace.repository(), branch, start.objectId());
      } catch (IOException | RuntimeException e) {
        workspace.close();
        throw e;
      }
      project.events().accept(HopEvent.detail("Validation work tree " + folder + " on " + branch));
      return new ValidationWorktree(folder, workspace);
    } catch (IOException | GitAPIException | RuntimeException e) {
      throw new GitOperationException(command, "Cannot prepare the validation work tree " + folder, e);
    }
  }

  /** Moves the branch to {@code commit} and writes its files, as {@code git reset --hard} does. */
  public void checkOut(GitId commit) throws GitOperationException {
    try {
      workspace.git().reset().setMode(ResetType.HARD).setRef(commit.name()).call();
    } catch (GitAPIException | RuntimeException e) {
      throw new GitOperationException("git -C " + folder + " reset --hard " + commit.name(),
          "Cannot check out " + commit.name() + " in the validation work tree " + folder, e);
    }
  }

  /** The work tree's root folder. */
  public Path folder() {
    return folder;
  }

  /** The clone, for merging, committing and reading files. */
  public GitWorkspace workspace() {
    return workspace;
  }

  /** Closes the clone and deletes its folder. */
  @Override
  public void close() throws GitOperationException {
    workspace.close();
    try {
      FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      throw new GitOperationException("rm -rf " + folder, "Cannot remove the validation work tree " + folder, e);
    }
  }

  private static void copyRefs(Repository from, Repository to, String branch, ObjectId start) throws IOException {
    RefDatabase refs = to.getRefDatabase();
    BatchRefUpdate batch = refs.newBatchUpdate().setAllowNonFastForwards(true);
    for (Ref ref : from.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_REMOTES, Constants.R_TAGS)) {
      if (!ref.isSymbolic() && ref.getObjectId() != null && !ref.getName().equals(Constants.R_HEADS + branch)) {
        batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), ref.getObjectId(), ref.getName()));
      }
    }
    batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), start, Constants.R_HEADS + branch));
    try (RevWalk walk = new RevWalk(to)) {
      batch.execute(walk, NullProgressMonitor.INSTANCE);
    }
    for (ReceiveCommand command : batch.getCommands()) {
      if (command.getResult() != ReceiveCommand.Result.OK) {
        throw new IOException("cannot copy " + command.getRefName() + ": " + command.getResult());
      }
    }
  }
}
