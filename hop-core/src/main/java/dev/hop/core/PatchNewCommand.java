package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitId;
import dev.hop.core.git.PatchReservation;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.workflow.AtomicFiles;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.HoProdCommit;
import dev.hop.core.workflow.PatchReadme;
import dev.hop.core.workflow.Project;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a patch: reserves its number on origin, commits its folder on ho-prod, and pushes and checks out its branch
 * {@code ho-patch/<id>}; a step failing before the pushes of ho-prod and the branch takes back everything local and
 * the reservation tag. Refuses ({@code HopUserException}) an invalid id, a project off a clean ho-prod in sync with
 * origin, or a patch whose folder, branch or number exists.
 */
public final class PatchNewCommand extends HopCommand<PatchNewResult> {
  static final String GOAL = "patch-new";

  private String id;
  private String description = "";

  PatchNewCommand(Project project) {
    super(project);
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

  @Override
  protected Changes<PatchNewResult> check() throws HopException {
    PatchId patch = PatchId.of(id);
    CommandHints hints = project.settings().hints();
    BranchGuard guard = new BranchGuard(project.git(), hints);
    guard.requireOnHoProd(GOAL, "id", patch.value());
    guard.requireClean("start patch " + patch);
    guard.requireSynced(false);
    String folder = Project.patchFolder(patch);
    String branch = BranchGuard.PATCH_BRANCH_PREFIX + patch;
    if (Files.exists(project.patchDir(patch))) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, folder, List.of(folder),
          "Patch " + patch + " already exists: " + folder + " is on ho-prod. Continue it with: git switch " + branch
              + ", or choose another id");
    }
    Branches branches = new Branches(project.git());
    if (branches.existsLocally(branch) || branches.existsOnOrigin(branch)) {
      throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, branch, List.of(),
          "Branch " + branch + " already exists (" + (branches.existsLocally(branch) ? "locally" : "on origin")
              + "). Continue it with: git switch " + branch + ", or choose another id and run: "
              + hints.command(GOAL, "id", "<id>"));
    }
    PatchReservation reservation = new PatchReservation(project.git(), project.clock(), hints);
    reservation.requireFree(patch);
    return () -> {
      String readme = folder + "/README.md";
      HoProdCommit commit = HoProdCommit.on(project, "Add " + folder, List.of(readme));
      AtomicReference<GitId> tag = new AtomicReference<>();
      new PlanRunner(project.events(), project.clock()).run(List.of(
          Step.of("Reserve patch number " + patch.number() + " (push tag " + PatchReservation.tagName(patch) + ")",
              () -> tag.set(reservation.reserve(patch)), () -> reservation.cancel(patch, tag.get())),
          commit.step("Write " + readme + " and commit [ho] Add " + folder + " on ho-prod",
              () -> AtomicFiles.write(project.dir().resolve(readme), PatchReadme.text(patch, description))),
          Step.of("Create branch " + branch, () -> branches.create(branch, branches.tip(Project.HO_PROD)),
              () -> branches.deleteLocally(branch)),
          Step.irreversible("Push ho-prod and " + branch + " to origin",
              () -> branches.pushTogether(List.of(Project.HO_PROD, branch))),
          Step.irreversible("Switch to " + branch, () -> branches.switchTo(branch))));
      project.events().accept(HopEvent.lifecycle("Patch " + patch + " started on " + branch + ": add its scripts to "
          + folder + "/, then run: " + hints.command("patch-apply")));
      return new PatchNewResult(patch, PatchReservation.tagName(patch), readme, branch);
    };
  }
}
