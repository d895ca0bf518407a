package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.Branches;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.AtomicFiles;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.HoProdCommit;
import dev.hop.core.workflow.Project;
import java.util.List;
import java.util.Objects;

/**
 * Creates the next stage release ({@code releases/X.Y.Z-stage.txt}, empty) on ho-prod, commits and pushes it; a
 * failing step takes back the local commit and file. Refuses ({@code HopUserException}) off a clean ho-prod in sync
 * with origin, or when the release exists.
 */
public final class ReleaseNewCommand extends HopCommand<ReleaseNewResult> {
  static final String GOAL = "release-new";

  private ReleaseLevel level;

  ReleaseNewCommand(Project project) {
    super(project);
  }

  /** Which number of the production version the release bumps. */
  public ReleaseNewCommand setLevel(ReleaseLevel level) {
    checkCallable();
    this.level = Objects.requireNonNull(level, "level");
    return this;
  }

  @Override
  protected Changes<ReleaseNewResult> check() throws HopException {
    Objects.requireNonNull(level, "setLevel was not called");
    CommandHints hints = project.settings().hints();
    BranchGuard guard = new BranchGuard(project.git(), hints);
    guard.requireOnHoProd(GOAL, "level", level.label());
    guard.requireClean("create a " + level.label() + " release");
    boolean pulled = guard.requireSynced(true);
    Version production = project.releases().productionVersion();
    Version next = project.releases().nextVersion(level);
    ReleaseName stage = ReleaseName.stage(next);
    String file = Project.RELEASES + "/" + stage.fileName();
    return () -> {
      HoProdCommit commit = HoProdCommit.on(project, "Prepare release " + stage, List.of(file));
      new PlanRunner(project.events(), project.clock()).run(List.of(
          commit.step("Create " + file + " and commit [ho] Prepare release " + stage + " on ho-prod",
              () -> AtomicFiles.write(project.dir().resolve(file), new byte[0])),
          Step.irreversible("Push ho-prod to origin", () -> new Branches(project.git()).push(Project.HO_PROD))));
      project.events().accept(HopEvent.lifecycle("Release " + next + " created (" + level.label()
          + " after production " + production + "). Next: " + hints.command("patch-new", "id", "<id>")));
      return new ReleaseNewResult(level, production, next, file, pulled);
    };
  }
}
