package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.Committer;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Creates the next stage release ({@code releases/X.Y.Z-stage.txt}, empty) on ho-prod, commits and pushes it
 * (SPEC §7 {@code release-new}).
 */
public final class ReleaseNewCommand {
  static final String GOAL = "release-new";

  private final Project project;
  private ReleaseLevel level;
  private boolean called;

  ReleaseNewCommand(Project project) {
    this.project = project;
  }

  /** Which number of the production version the release bumps. */
  public ReleaseNewCommand setLevel(ReleaseLevel level) {
    checkCallable();
    this.level = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * Checks every precondition, then writes, commits and pushes the stage file; a failing step takes back the
   * local commit and file.
   *
   * @throws HopUserException not on a clean ho-prod in sync with origin, or the release exists
   * @throws HopEnvironmentException Git or the file system failed
   */
  public ReleaseNewResult call() throws HopException {
    checkCallable();
    called = true;
    Objects.requireNonNull(level, "setLevel was not called");
    CommandHints hints = project.settings().hints();
    GitWorkspace git = project.git();
    BranchGuard guard = new BranchGuard(git, hints);
    guard.requireOnHoProd(GOAL, "level", level.label());
    guard.requireClean("create a " + level.label() + " release");
    boolean pulled = guard.requireSynced(true);
    Version production = project.releases().productionVersion();
    Version next = project.releases().nextVersion(level);
    ReleaseName stage = ReleaseName.stage(next);
    String file = "releases/" + stage.fileName();
    ObjectId before = git.resolve("refs/heads/" + Project.HO_PROD).orElseThrow();
    Committer committer = new Committer(git, project.clock());
    new PlanRunner(project.events(), project.clock()).run(List.of(
        Step.of("Create " + file, () -> write(project.dir().resolve(file)),
            () -> delete(project.dir().resolve(file))),
        Step.of("Commit [ho] Prepare release " + stage + " on ho-prod",
            () -> committer.commit("Prepare release " + stage, "", List.of(file)),
            () -> committer.resetTo(before)),
        Step.irreversible("Push ho-prod to origin", () -> new Branches(git).push(Project.HO_PROD))));
    project.events().accept(HopEvent.lifecycle("Release " + next + " created (" + level.label() + " after production "
        + production + "). Next: " + hints.command("patch-new", "id", "<id>")));
    return new ReleaseNewResult(level, production, next, file, pulled);
  }

  private static void write(Path file) throws ProjectFileException {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      throw new ProjectFileException("write", file, e);
    }
  }

  private static void delete(Path file) throws ProjectFileException {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ProjectFileException("delete", file, e);
    }
  }

  private void checkCallable() {
    if (called) {
      throw new IllegalStateException("A ReleaseNewCommand runs once; ask Hop for a new one");
    }
  }
}
