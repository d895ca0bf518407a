package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchValidationException;
import dev.hop.core.errors.TestRunException;
import dev.hop.core.git.ReleaseArchive;
import dev.hop.core.git.TeamLock;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseFile;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.validate.TestReport;
import dev.hop.core.validate.TestRunner;
import dev.hop.core.workflow.AtomicFiles;
import dev.hop.core.workflow.Background;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.HoProdCommit;
import dev.hop.core.workflow.PatchValidation;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.ScratchDatabase;
import dev.hop.core.workflow.TeamGate;
import java.util.List;
import java.util.Optional;

/**
 * Adds a patch to a stage release: validates it in a separate work tree against a fresh validation database with the
 * project's tests, then, under the team lock, appends it to the stage file, commits, and pushes ho-prod and the
 * archived branch in one atomic push that also releases the lock (none of them when the lock was broken meanwhile).
 * Refuses ({@code HopUserException}) an invalid id or version, the wrong branch, uncommitted files, a branch not
 * synced with origin, a release state that refuses the patch, a missing patch branch, the lock held by someone else,
 * a merge conflict, a failing script, and failing tests ({@link PatchValidationException}).
 */
public final class PatchAddCommand extends HopCommand<PatchAddResult> {
  static final String GOAL = "patch-add";

  private String id;
  private String toVersion;

  PatchAddCommand(Project project) {
    super(project);
  }

  /** The patch to add, e.g. {@code 12-users}. */
  public PatchAddCommand setId(String id) {
    checkCallable();
    this.id = id;
    return this;
  }

  /** The stage to add it to, {@code X.Y.Z}; needed only when several stages exist. */
  public PatchAddCommand setToVersion(String toVersion) {
    checkCallable();
    this.toVersion = toVersion;
    return this;
  }

  @Override
  protected Changes<PatchAddResult> check() throws HopException {
    CommandHints hints = project.settings().hints();
    PatchId patch = PatchId.of(id);
    Optional<Version> version = toVersion == null ? Optional.empty() : Optional.of(Version.parse(toVersion));
    TeamGate gate = new TeamGate(project);
    // the repository is opened, checked and fetched on a thread of its own while the release files, the production
    // state and the validation database are checked; its refusals come first, as when one ran after the other
    Background<Void> ready = project.startGit(git -> {
      TeamGate.requireReady(git, "add patch " + patch);
      return null;
    });
    Releases releases;
    Version target;
    PatchValidation validation;
    ProductionState production;
    try {
      releases = project.releases();
      target = releases.patchAddTarget(patch, version);
      TestRunner tests = project.testRunner().orElseThrow(() -> new TestRunException(project.dir(),
          "Cannot validate patch " + patch + ": hop does not know how to start Maven for the project's tests."
              + " Run the goal from Maven: " + hints.command(GOAL, "id", patch.value()), null));
      validation = new PatchValidation(project, releases, target, patch, tests);
      production = ProductionState.read(project.modelDir());
      ScratchDatabase.checkUsable(validation.database(), hints, "validate patch " + patch + " in");
    } catch (HopException | RuntimeException e) {
      ready.await();
      throw e;
    }
    ready.await();
    requireBranches(validation.branches(), patch, hints);
    return () -> {
      // closed in reverse: the lock is released while the validation's work tree and database are removed
      try (validation; TeamLock lock = gate.lock(GOAL)) {
        TestReport report = validation.run(production);
        ReleaseName stage = ReleaseName.stage(target);
        project.events().accept(HopEvent.lifecycle("Validation of " + patch + " into " + stage + ": "
            + report.counts()));
        if (!report.passed()) {
          throw new PatchValidationException(patch.value(), stage.toString(), report.counts(),
              report.failed().stream().map(TestReport.FailedTest::toString).toList(), report.exitCode(),
              project.dir().relativize(validation.reportsFolder()) + "/", hints);
        }
        return record(releases, target, patch, report, lock);
      }
    };
  }

  private PatchAddResult record(Releases releases, Version target, PatchId patch, TestReport report, TeamLock lock)
      throws HopException {
    ReleaseName stage = ReleaseName.stage(target);
    ReleaseFile updated = releases.stage(target).orElse(ReleaseFile.EMPTY).append(patch);
    String file = Project.RELEASES + "/" + stage.fileName();
    HoProdCommit commit = HoProdCommit.on(project, "Add " + patch + " to release " + stage, List.of(file));
    String archived = ReleaseArchive.releaseBranch(target, patch);
    new PlanRunner(project.events(), project.clock()).run(List.of(
        commit.step("Add " + patch + " to " + file + " and commit",
            () -> AtomicFiles.write(project.dir().resolve(file), updated.text())),
        Step.irreversible("Push ho-prod to origin with ho-patch/" + patch + " archived as " + archived
            + ", releasing the lock", () -> new ReleaseArchive(project.git()).archive(patch, target,
            List.of(Project.HO_PROD), lock::pushAndRelease))));
    return new PatchAddResult(patch, stage, updated.patches(), report.counts(),
        commit.commit().orElseThrow().abbreviated(), archived, took());
  }

  /** Every branch validation merges must exist locally or on origin (as of the fetch). */
  private void requireBranches(List<String> branches, PatchId patch, CommandHints hints) throws HopException {
    BranchGuard guard = new BranchGuard(project.git(), hints);
    String patchBranch = ReleaseArchive.patchBranch(patch);
    for (String branch : branches) {
      guard.requireBranch(branch, "patch " + patch + " cannot be validated", branch.equals(patchBranch)
          ? "Start the patch first. Run: " + hints.command("patch-new", "id", patch.value())
          : "A stage patch's archived branch is missing; restore it on origin (git push origin <commit>:refs/heads/"
              + branch + "), then run: " + hints.command(GOAL, "id", patch.value()));
    }
  }
}
