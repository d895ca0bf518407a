package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Merger;
import dev.hop.core.git.ReleaseArchive;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseFile;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * promote rc: merges the stage's archived patch branches into ho-prod, writes {@code X.Y.Z-rcN.txt}
 * (all patches so far), empties the stage, commits, tags {@code vX.Y.Z-rcN}, pushes and notifies.
 */
public final class RcPromotion {
  private final Project project;
  private final Releases releases;
  private final Version version;
  private final ReleaseName rc;
  private final List<PatchId> stagePatches;

  public RcPromotion(Project project, Releases releases, Version version) {
    this.project = project;
    this.releases = releases;
    this.version = version;
    this.rc = ReleaseName.rc(version, releases.nextRcNumber(version));
    this.stagePatches = releases.stage(version).map(ReleaseFile::patches).orElse(List.of());
  }

  /**
   * Checks, changing nothing, what the promotion needs: the RC's list and each stage patch's archived branch.
   *
   * @throws dev.hop.core.errors.ReleaseStateException when the stage repeats a patch of the latest RC
   * @throws RepositoryStateException MISSING_REF when an archived branch exists neither locally nor on origin
   */
  public void check() throws HopException {
    releases.nextRcPatches(version);
    CommandHints hints = project.settings().hints();
    BranchGuard guard = new BranchGuard(project.git(), hints);
    for (PatchId id : stagePatches) {
      String branch = ReleaseArchive.releaseBranch(version, id);
      guard.requireBranch(branch, "patch " + id + " of " + ReleaseName.stage(version) + " cannot be merged into ho-prod",
          "Restore it on origin (git push origin <commit>:refs/heads/" + branch + "), then run: "
              + hints.command("promote", "to", "rc"));
    }
  }

  /** Runs the promotion (the caller holds the team lock). */
  public Promotion run() throws HopException {
    List<PatchId> all = releases.nextRcPatches(version);
    ReleaseName stage = ReleaseName.stage(version);
    String rcFile = Project.RELEASES + "/" + rc.fileName();
    String stageFile = Project.RELEASES + "/" + stage.fileName();
    HoProdCommit commit = HoProdCommit.on(project, "Promote " + stage + " to " + rc, List.of(rcFile, stageFile));
    List<Step> plan = new ArrayList<>();
    Merger merger = new Merger(project.git(), project.clock());
    for (PatchId id : stagePatches) {
      String branch = ReleaseArchive.releaseBranch(version, id);
      plan.add(Step.of("Merge " + branch + " into ho-prod",
          () -> merger.merge(branch, "Merge " + branch + " into " + Project.HO_PROD), commit.undo()));
    }
    plan.add(commit.step("Write " + rcFile + ", empty " + stageFile + " and commit", () -> {
      AtomicFiles.write(project.dir().resolve(rcFile), new ReleaseFile(all).text());
      AtomicFiles.write(project.dir().resolve(stageFile), ReleaseFile.EMPTY.text());
    }));
    Publication publication = new Publication(project, "v" + rc, rc.toString());
    plan.addAll(publication.steps());
    new PlanRunner(project.events(), project.clock()).run(plan);
    return new Promotion(rc, all, "v" + rc, publication.notified());
  }
}
