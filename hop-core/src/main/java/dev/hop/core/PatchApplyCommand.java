package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.codegen.CodegenResult;
import dev.hop.core.db.PatchRun;
import dev.hop.core.db.PatchScripts;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.workflow.BranchGuard;
import dev.hop.core.workflow.DevelopmentDatabase;
import dev.hop.core.workflow.PatchSources;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.RestoreAhead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Rebuilds the development database for the patch of the current branch:
 * production state, then the pending releases' patches read from Git, then this patch from the working
 * tree, each in its own transaction, then code generation.
 */
public final class PatchApplyCommand extends HopCommand<PatchApplyResult> {
  static final String GOAL = "patch-apply";
  private static final String WORKING_TREE = "working tree";

  PatchApplyCommand(Project project) {
    super(project);
  }

  /**
   * Checks the branch and reads every script and the production state; the change then restores, applies and
   * generates, and on a script error stops there, leaving the database with the patches before the failing one.
   * Meanwhile the template of the production state may be copied ahead ({@link RestoreAhead}), and that copy is
   * dropped when the goal fails before using it.
   *
   * @throws dev.hop.core.errors.HopUserException not on a patch branch, a patch in production already, a script
   *     error
   * @throws dev.hop.core.errors.HopEnvironmentException Git, the database or the file system failed
   */
  @Override
  protected Changes<PatchApplyResult> check() throws HopException {
    RestoreAhead ahead = RestoreAhead.start(project, project.settings().hints().command(GOAL));
    try {
      Changes<PatchApplyResult> apply = check(ahead);
      return () -> {
        try (ahead) {
          return apply.make();
        }
      };
    } catch (HopException | RuntimeException e) {
      ahead.close();
      throw e;
    }
  }

  private Changes<PatchApplyResult> check(RestoreAhead ahead) throws HopException {
    CommandHints hints = project.settings().hints();
    PatchId patch = PatchId.of(BranchGuard.patchOf(project.currentBranch(), GOAL, hints));
    Releases releases = project.releases();
    List<PatchId> order = releases.patchApplyContext(patch);
    ProductionState production = ProductionState.read(project.modelDir());
    PatchSources sources = new PatchSources(project::filesAt, releases, Project.HO_PROD);
    List<Source> inputs = new ArrayList<>();
    for (PatchId id : order) {
      inputs.add(id.equals(patch)
          ? new Source(id, WORKING_TREE, PatchSources.fromWorkingTree(project.patchDir(id)),
              Optional.of(project.patchDir(id)))
          : new Source(id, sources.revisionOf(id), sources.fromGit(id), Optional.empty()));
    }
    for (Source input : inputs) {
      PatchScripts.requireRunnable(Project.patchFolder(input.patch()), input.files(), hints.command(GOAL));
    }
    return () -> apply(ahead, patch, releases, production, inputs);
  }

  private PatchApplyResult apply(RestoreAhead ahead, PatchId patch, Releases releases, ProductionState production,
      List<Source> inputs) throws HopException {
    CommandHints hints = project.settings().hints();
    DevelopmentDatabase database = new DevelopmentDatabase(project, hints.command(GOAL));
    String name = database.target().database();
    List<PatchApplyResult.Applied> applied = new ArrayList<>();
    AtomicReference<CodegenResult> generated = new AtomicReference<>();
    List<Step> plan = new ArrayList<>();
    plan.add(Step.irreversible("Restore " + name + " to production " + production.version(),
        () -> database.restore(production, ahead.take())));
    for (Source input : inputs) {
      String release = releases.releaseListing(input.patch()).map(ReleaseName::toString)
          .orElse(BranchGuard.PATCH_BRANCH_PREFIX + input.patch());
      plan.add(Step.irreversible("Apply patch " + input.patch() + " (" + release + ", from " + input.source() + ")",
          () -> {
            try {
              PatchRun run = database.apply(input.patch(), release, input.files(), input.folder());
              applied.add(new PatchApplyResult.Applied(input.patch(), input.source(), run.scripts()));
            } catch (PatchScriptException e) {
              throw DevelopmentDatabase.inPatch(e, input.patch(), holds(name, production, applied, input.patch(), e));
            }
          }));
    }
    plan.add(Step.irreversible("Generate code into src/main/java/" + project.settings().basePackage().replace('.', '/'),
        () -> generated.set(database.generateCode())));
    new PlanRunner(project.events(), project.clock()).run(plan);

    CodegenResult code = generated.get();
    Duration took = took();
    project.events().accept(HopEvent.lifecycle("Patch " + patch + " applied on " + name + " (production "
        + production.version() + " + " + applied.size() + " patch(es)) in " + Durations.format(took)
        + "; code: " + code.summary() + ". When it is ready, commit and push it, then add it to its release from"
        + " ho-prod: git switch ho-prod && "
        + hints.command("patch-add", "id", patch.value())));
    return new PatchApplyResult(patch, name, production.version(), applied, code.written().size(),
        code.unchanged().size(), code.deleted().size(), took);
  }

  /** What the development database holds after {@code failure} in patch {@code failed}. */
  private static String holds(String database, ProductionState production, List<PatchApplyResult.Applied> applied,
      PatchId failed, PatchScriptException failure) {
    String before = applied.isEmpty() ? "no patch"
        : applied.stream().map(a -> a.patch().value()).collect(Collectors.joining(", "));
    String holds = "The development database " + database + " holds production " + production.version() + " plus "
        + before;
    boolean java = failure.reason() == PatchScriptException.Reason.JAVA_FAILED;
    if (failure.committed().isEmpty() && !java) {
      return holds + "; nothing of " + failed + " was kept";
    }
    String kept = failure.committed().isEmpty() ? "" : String.join(", ", failure.committed())
        + (failure.committed().size() == 1 ? " was" : " were") + " committed (a Java script or a -- hop:no-transaction"
        + " file commits the scripts before it)";
    String script = java ? "whatever " + failure.file() + " committed before it failed" : "";
    return holds + "; of " + failed + ", " + kept + (kept.isEmpty() || script.isEmpty() ? "" : ", and ") + script
        + " stays; the rest of it was rolled back";
  }

  /** One patch's files and where they were read. */
  private record Source(PatchId patch, String source, SortedMap<String, byte[]> files, Optional<Path> folder) {
  }
}
