package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.IgnoreCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The folder production goals write database backups into, which must never be committed. */
public final class BackupFolder {

  private BackupFolder() {
  }

  /**
   * Creates {@code backups} and refuses it when it lies inside the work tree and Git does not ignore it.
   *
   * @param goal the goal that writes the backup, for the command the refusal suggests
   * @throws RepositoryStateException NOT_CLEAN for a folder Git would commit
   */
  public static void requireIgnored(Project project, Path backups, String goal) throws HopException {
    Path workTree = project.dir().toAbsolutePath().normalize();
    if (!backups.startsWith(workTree)) {
      return;
    }
    try {
      Files.createDirectories(backups);
    } catch (IOException e) {
      throw new ProjectFileException("create the backup folder", backups, e);
    }
    if (!new IgnoreCheck(project.git()).isIgnored(backups)) {
      String relative = workTree.relativize(backups).toString();
      throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, "", List.of(relative),
          "Backup folder " + relative + "/ is not ignored by Git: a database backup must never be committed."
          + " Add '" + relative + "/' to .gitignore and commit it on ho-prod, or pass a folder outside the"
          + " work tree: " + project.settings().hints().command(goal, "backupDir", "<folder>"));
    }
  }
}
