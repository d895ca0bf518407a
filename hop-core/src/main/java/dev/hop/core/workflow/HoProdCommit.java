package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.Committer;
import dev.hop.core.git.GitId;
import dev.hop.core.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code [ho]} commit of a goal on ho-prod, with its undo: files written, then committed; after a failure, ho-prod
 * goes back to the commit it was on and the files and folders the goal created are removed, so that the work tree
 * is as before the goal.
 */
public final class HoProdCommit {
  private final Project project;
  private final String summary;
  private final List<String> paths;
  private final GitId before;
  private final List<Path> created = new ArrayList<>();
  private GitId commit;

  private HoProdCommit(Project project, String summary, List<String> paths, GitId before) {
    this.project = project;
    this.summary = summary;
    this.paths = List.copyOf(paths);
    this.before = before;
  }

  /**
   * Notes where ho-prod (checked out) is, and which of {@code paths} and of their folders do not exist yet.
   *
   * @param summary the commit's subject without {@code [ho]}, e.g. {@code Prepare release 1.4.0-stage}
   * @param paths the repository-relative files the commit adds, changes or deletes
   */
  public static HoProdCommit on(Project project, String summary, List<String> paths) throws HopException {
    HoProdCommit commit = new HoProdCommit(project, summary, paths,
        new Branches(project.git()).tip(Project.HO_PROD));
    for (String path : paths) {
      Path file = project.dir().resolve(path);
      while (!file.equals(project.dir()) && !Files.exists(file)) {
        commit.created.add(file);
        file = file.getParent();
      }
    }
    return commit;
  }

  /**
   * The step that runs {@code write} (which writes or deletes the files) and commits {@code paths}; it undoes itself
   * when either fails, and {@link #undo()} undoes it after a later step failed.
   */
  public Step step(String description, Step.Action write) {
    return Step.of(description, () -> {
      try {
        write.run();
        commit = new Committer(project.git(), project.clock()).commit(summary, "", paths);
      } catch (HopException | RuntimeException e) {
        try {
          undo().run();
        } catch (HopException | RuntimeException undoing) {
          e.addSuppressed(undoing);
        }
        throw e;
      }
    }, undo());
  }

  /**
   * Puts ho-prod back on the commit it was on and deletes what the goal created; also the undo of the steps before the
   * commit that changed ho-prod or wrote its files (merges, snapshots).
   */
  public Step.Action undo() {
    return () -> {
      new Committer(project.git(), project.clock()).resetTo(before);
      for (Path path : created) {
        delete(path);
      }
    };
  }

  /** The commit, once {@link #step} ran. */
  public Optional<GitId> commit() {
    return Optional.ofNullable(commit);
  }

  private static void delete(Path path) throws ProjectFileException {
    try {
      if (!Files.isDirectory(path)) {
        Files.deleteIfExists(path);
      } else if (isEmpty(path)) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new ProjectFileException("delete", path, e);
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
