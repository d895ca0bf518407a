package dev.hop.core;

import dev.hop.core.base.HopEvent;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.LockInspector;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.PatchBranches;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.workflow.Background;
import dev.hop.core.workflow.EditedReleasedFiles;
import dev.hop.core.workflow.Project;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reports the state of the project: releases from the files, branches and lock from
 * Git after a fetch, the version of the development database; changes nothing but remote-tracking refs, and
 * fails only on malformed release files. The repository is opened and fetched on a thread of its own while the
 * release files and the database are read.
 */
public final class StatusCommand extends HopCommand<StatusResult> {

  StatusCommand(Project project) {
    super(project);
  }

  /**
   * Reads the whole report (an unreachable origin or database is reported, not fatal).
   *
   * @throws dev.hop.core.errors.HopUserException when a release file is malformed
   * @throws dev.hop.core.errors.HopEnvironmentException when the release folder cannot be read
   */
  @Override
  protected Changes<StatusResult> check() throws HopException {
    Background<Fetched> fetched = project.startGit(git -> {
      // released files are compared with their tag (local refs, the work tree) while origin is fetched
      Background<List<String>> edited = Background.start("hop-status-released-files",
          () -> editedReleasedFiles(git));
      String branch = git.currentBranch();
      boolean reached = fetch(git);
      return new Fetched(branch, reached, edited.await());
    });
    Releases releases = project.releases();
    String databaseVersion = databaseVersion();
    String branch;
    List<StatusResult.PatchBranch> patchBranches = List.of();
    Optional<String> lock = Optional.empty();
    List<String> edited = List.of();
    boolean reached = false;
    try {
      Fetched f = fetched.await();
      GitWorkspace git = project.git();
      branch = f.branch();
      reached = f.reached();
      patchBranches = new PatchBranches(git).list().stream()
          .map(b -> new StatusResult.PatchBranch(b.name(), b.local(), b.onOrigin(), b.mustMergeHoProd())).toList();
      lock = new LockInspector(git).holder(project.clock().instant());
      edited = f.edited();
    } catch (RepositoryStateException e) {
      branch = "none (" + firstSentence(e.getMessage()) + ")";
    }
    StatusResult result = new StatusResult(branch, releases.productionVersion(), databaseVersion,
        releases.activeRc().map(rc -> release(releases, rc)),
        releases.stages().stream().map(v -> release(releases, ReleaseName.stage(v))).toList(),
        patchBranches, lock, reached, edited);
    return () -> result;
  }

  /** The released files the checkout edited, each warned about; a failure to compare is a warning too. */
  private List<String> editedReleasedFiles(GitWorkspace git) {
    try {
      List<String> edited = EditedReleasedFiles.find(git, project.releases());
      edited.forEach(path -> project.events().accept(HopEvent.warn("Released file edited: " + path
          + " differs from its release's tag")));
      return edited;
    } catch (HopException e) {
      project.events().accept(HopEvent.warn("Released files not compared with their tags: "
          + firstSentence(e.getMessage())));
      return List.of();
    }
  }

  /**
   * What the repository's thread found: the branch checked out, whether origin was reached, and the released files
   * edited since their tag.
   */
  private record Fetched(String branch, boolean reached, List<String> edited) {
  }

  /** Fetches origin (on the repository's thread); an unreachable origin is a warning. */
  private boolean fetch(GitWorkspace git) {
    if (git.originUrl().isEmpty()) {
      return false;
    }
    try {
      new OriginSync(git).fetch(OriginSync.Scope.STATUS);
      return true;
    } catch (HopException e) {
      project.events().accept(HopEvent.warn("Origin not reached: " + firstSentence(e.getMessage())));
      return false;
    }
  }

  private String databaseVersion() {
    Optional<DatabaseTarget> development = project.developmentIfRunning();
    if (development.isEmpty()) {
      return "not running (the project's embedded PostgreSQL is stopped; status starts nothing: "
          + project.settings().hints().command("dev-db") + " starts it)";
    }
    try (Connection c = development.get().connect()) {
      MetadataSchema metadata = new MetadataSchema();
      if (!metadata.isInstalled(c)) {
        return "unknown: " + development.get().database() + " has no half_orm_meta schema";
      }
      return metadata.currentRelease(c).map(DatabaseRelease::toString).orElse("none (no release recorded)");
    } catch (HopException | SQLException e) {
      return "unreachable: " + firstSentence(e.getMessage());
    }
  }

  private static String firstSentence(String message) {
    String text = message == null ? "" : message.lines().findFirst().orElse("");
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end);
  }

  private static StatusResult.Release release(Releases releases, ReleaseName name) {
    return new StatusResult.Release(name, releases.patches(name));
  }
}
