package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Records hop's commits on the current branch, with a {@code [ho]} subject. */
public final class Committer {
  /** The prefix of every subject hop writes. */
  public static final String PREFIX = "[ho] ";

  private final GitWorkspace workspace;
  private final Clock clock;

  public Committer(GitWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /** {@code [ho] <summary>}, unless {@code summary} already starts with {@code [ho]}. */
  public static String subject(String summary) {
    return summary.startsWith(PREFIX) ? summary : PREFIX + summary;
  }

  /**
   * Stages {@code paths} (new, changed or deleted; repository-relative) and commits them with everything
   * already staged.
   *
   * @param summary the subject without the {@code [ho]} prefix
   * @param body the message body, empty for none
   */
  public GitId commit(String summary, String body, List<String> paths) throws GitOperationException {
    String message = subject(summary) + (body.isEmpty() ? "" : "\n\n" + body);
    try {
      if (!paths.isEmpty()) {
        AddCommand add = workspace.git().add();
        AddCommand update = workspace.git().add().setUpdate(true);
        paths.forEach(add::addFilepattern);
        paths.forEach(update::addFilepattern);
        add.call();
        update.call();
      }
      PersonIdent me = Identity.of(workspace, clock);
      RevCommit commit = workspace.git().commit().setMessage(message).setAuthor(me).setCommitter(me)
          .setSign(false).setAllowEmpty(true).call();
      workspace.events().accept(HopEvent.detail("Committed " + commit.abbreviate(7).name() + " " + subject(summary)));
      return GitId.of(commit.getId());
    } catch (GitAPIException | RuntimeException e) {
      throw new GitOperationException("git add " + String.join(" ", paths) + " && git commit -m '" + subject(summary)
          + "'", "Cannot commit in " + workspace.workTree(), e);
    }
  }

  /**
   * Takes back hop's own commits on the current branch: moves it to {@code before} and makes the work tree
   * and index match it (the files those commits added are removed).
   */
  public void resetTo(GitId before) throws GitOperationException {
    try {
      workspace.git().reset().setMode(ResetType.HARD).setRef(before.name()).call();
      workspace.events().accept(HopEvent.detail("Reset " + workspace.workTree() + " to " + before.abbreviated()));
    } catch (GitAPIException | RuntimeException e) {
      throw new GitOperationException("git reset --hard " + before.name(), "Cannot take back the commit in "
          + workspace.workTree(), e);
    }
  }
}
