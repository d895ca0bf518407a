package dev.hop.core.workflow;

import dev.hop.core.PromoteResult;
import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.Committer;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.Merger;
import dev.hop.core.git.ReleaseArchive;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseFile;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * promote rc (SPEC §7): merges the stage's archived patch branches into ho-prod, writes {@code X.Y.Z-rcN.txt}
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
    Branches branches = new Branches(project.git());
    CommandHints hints = project.settings().hints();
    for (PatchId id : stagePatches) {
      String branch = ReleaseArchive.releaseBranch(version, id);
      if (!branches.existsLocally(branch) && !branches.existsOnOrigin(branch)) {
        throw new RepositoryStateException(RepositoryStateException.Reason.MISSING_REF, branch, List.of(),
            "Branch " + branch + " exists neither locally nor on origin, so patch " + id + " of "
                + ReleaseName.stage(version) + " cannot be merged into ho-prod. Restore it on origin (git push origin"
                + " <commit>:refs/heads/" + branch + "), then run: " + hints.command("promote", "to", "rc"));
      }
    }
  }

  /** Runs the promotion (the caller holds the team lock). */
  public PromoteResult run(long start) throws HopException {
    GitWorkspace git = project.git();
    Committer committer = new Committer(git, project.clock());
    ObjectId before = git.resolve(Constants.R_HEADS + Project.HO_PROD).orElseThrow();
    List<PatchId> all = releases.nextRcPatches(version);
    ReleaseName stage = ReleaseName.stage(version);
    String rcFile = "releases/" + rc.fileName();
    String stageFile = "releases/" + stage.fileName();
    Step.Action undo = () -> {
      committer.resetTo(before);
      AtomicFiles.delete(project.dir().resolve(rcFile));
    };
    List<Step> plan = new ArrayList<>();
    Merger merger = new Merger(git, project.clock());
    for (PatchId id : stagePatches) {
      String branch = ReleaseArchive.releaseBranch(version, id);
      plan.add(Step.of("Merge " + branch + " into ho-prod",
          () -> merger.merge(branch, "Merge " + branch + " into " + Project.HO_PROD), undo));
    }
    plan.add(Step.of("Write " + rcFile + ", empty " + stageFile + " and commit", () -> {
      try {
        AtomicFiles.write(project.dir().resolve(rcFile), new ReleaseFile(all).text());
        AtomicFiles.write(project.dir().resolve(stageFile), ReleaseFile.EMPTY.text());
        committer.commit("Promote " + stage + " to " + rc, "", List.of(rcFile, stageFile));
      } catch (HopException | RuntimeException e) {
        undo.run();
        throw e;
      }
    }, undo));
    Publication publication = new Publication(project, "v" + rc, rc.toString());
    plan.addAll(publication.steps());
    new PlanRunner(project.events(), project.clock()).run(plan);
    return new PromoteResult(rc, all, "v" + rc, publication.notified(),
        Duration.ofMillis(project.clock().millis() - start));
  }
}
