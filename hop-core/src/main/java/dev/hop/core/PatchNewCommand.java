package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.Committer;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.PatchReservation;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.PatchReadme;
import dev.hop.core.workflow.Project;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Starts a patch (SPEC §7 {@code patch-new}): reserves its number on origin, commits its folder on ho-prod,
 * and pushes and checks out its branch {@code ho-patch/<id>}.
 */
public final class PatchNewCommand {
  static final String GOAL = "patch-new";

  private final Project project;
  private String id;
  private String description = "";
  private boolean called;

  PatchNewCommand(Project project) {
    this.project = project;
  }

  /** The patch id as the user typed it; checked by {@link #call()}. */
  public PatchNewCommand setId(String id) {
    checkCallable();
    this.id = id;
    return this;
  }

  /** What the patch is for, written in its README (optional). */
  public PatchNewCommand setDescription(String description) {
    checkCallable();
    this.description = description == null ? "" : description;
    return this;
  }

  /**
   * Checks every precondition, then reserves, commits, pushes and switches; a step failing before the
   * pushes of ho-prod and the branch takes back everything local and the reservation tag.
   *
   * @throws HopUserException an invalid id, not on a clean ho-prod in sync with origin, or the patch, its
   *     branch or its number exists
   * @throws HopEnvironmentException Git failed
   */
  public PatchNewResult call() throws HopException {
    checkCallable();
    called = true;
    PatchId patch = PatchId.of(id);
    CommandHints hints = project.settings().hints();
    GitWorkspace git = project.git();
    BranchGuard guard = new BranchGuard(git, hints);
    guard.requireOnHoProd(GOAL, "id", patch.value());
    guard.requireClean("start patch " + patch);
    guard.requireSynced(false);
    String folder = Project.patchFolder(patch);
    String branch = BranchGuard.PATCH_BRANCH_PREFIX + patch;
    Branches branches = new Branches(git);
    if (Files.exists(project.patchDir(patch))) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, folder, List.of(folder),
          "Patch " + patch + " already exists: " + folder + " is on ho-prod. Continue it with: git switch " + branch
              + ", or choose another id");
    }
    if (branches.existsLocally(branch) || branches.existsOnOrigin(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, branch, List.of(),
          "Branch " + branch + " already exists (" + (branches.existsLocally(branch) ? "locally" : "on origin")
              + "). Continue it with: git switch " + branch + ", or choose another id and run: "
              + hints.command(GOAL, "id", "<id>"));
    }
    PatchReservation reservation = new PatchReservation(git, project.clock(), hints);
    reservation.requireFree(patch);

    String readme = folder + "/README.md";
    ObjectId before = git.resolve("refs/heads/" + Project.HO_PROD).orElseThrow();
    Committer committer = new Committer(git, project.clock());
    AtomicReference<ObjectId> tag = new AtomicReference<>();
    new PlanRunner(project.events(), project.clock()).run(List.of(
        Step.of("Reserve patch number " + patch.number() + " (push tag " + PatchReservation.tagName(patch) + ")",
            () -> tag.set(reservation.reserve(patch)), () -> reservation.cancel(patch, tag.get())),
        Step.of("Write " + readme, () -> PatchReadme.write(project.patchDir(patch), patch, description),
            () -> PatchReadme.delete(project.patchDir(patch))),
        Step.of("Commit [ho] Add " + folder + " on ho-prod", () -> committer.commit("Add " + folder, "",
            List.of(readme)), () -> committer.resetTo(before)),
        Step.of("Create branch " + branch, () -> branches.create(branch, git.resolve("refs/heads/" + Project.HO_PROD)
            .orElseThrow()), () -> branches.deleteLocally(branch)),
        Step.irreversible("Push ho-prod and " + branch + " to origin",
            () -> branches.pushTogether(List.of(Project.HO_PROD, branch))),
        Step.irreversible("Switch to " + branch, () -> branches.switchTo(branch))));
    project.events().accept(HopEvent.lifecycle("Patch " + patch + " started on " + branch + ": add its scripts to "
        + folder + "/, then run: " + hints.command("patch-apply")));
    return new PatchNewResult(patch, PatchReservation.tagName(patch), readme, branch);
  }

  private void checkCallable() {
    if (called) {
      throw new IllegalStateException("A PatchNewCommand runs once; ask Hop for a new one");
    }
  }
}
