package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/** Tells whether an existing path of the work tree is ignored by Git (its {@code .gitignore} files and excludes). */
public final class IgnoreCheck {
  private final GitWorkspace workspace;

  public IgnoreCheck(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Whether {@code path} (an existing file or folder inside the work tree) is ignored, like
   * {@code git check-ignore}.
   */
  public boolean isIgnored(Path path) throws GitOperationException {
    Repository repository = workspace.repository();
    String relative = workspace.workTree().toAbsolutePath().normalize()
        .relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(new FileTreeIterator(repository));
      walk.setRecursive(false);
      while (walk.next()) {
        String current = walk.getPathString();
        WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
        if (current.equals(relative)) {
          return entry.isEntryIgnored();
        }
        if (relative.startsWith(current + "/") && walk.isSubtree()) {
          if (entry.isEntryIgnored()) {
            return true;
          }
          walk.enterSubtree();
        }
      }
      return false;
    } catch (IOException e) {
      throw new GitOperationException("git check-ignore " + relative, "Cannot tell whether " + relative
          + " is ignored", e);
    }
  }
}
