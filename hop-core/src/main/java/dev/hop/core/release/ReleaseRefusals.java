package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ReleaseStateException.Reason;
import dev.hop.core.errors.ReleaseStateException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the refusals of goals that the state of {@code releases/} does not allow, naming the command to run next. */
public final class ReleaseRefusals {
  private static final String ANY_LEVEL = "<patch|minor|major>";

  private ReleaseRefusals() {
  }

  public static ReleaseStateException noStageForPatch(PatchId id, CommandHints hints) {
    return refusal(Reason.NO_STAGE, "No stage releases found: patch " + id
        + " has no release to join. Create one first. Run: " + hints.command("release-new", "level", ANY_LEVEL),
        null, null, List.of(id), List.of());
  }

  public static ReleaseStateException noStageToPromote(CommandHints hints) {
    return refusal(Reason.NO_STAGE, "No stage releases found: nothing to promote to an RC."
        + " Create one and add patches to it. Run: " + hints.command("release-new", "level", ANY_LEVEL),
        null, null, List.of(), List.of());
  }

  /** {@code level} bumps {@code production} to a version that {@code existing} already uses. */
  public static ReleaseStateException releaseExists(ReleaseLevel level, Version production,
      ReleaseName existing, CommandHints hints) {
    Version v = existing.version();
    String next = switch (existing.kind()) {
      case STAGE -> "Add patches to it. Run: " + hints.command("patch-add", "id", "<id>", "toVersion", v.toString());
      case RC -> "Release it first. Run: " + hints.command("promote", "to", "prod");
      case PRODUCTION -> "Run: " + hints.command("status");
    };
    return refusal(Reason.STAGE_EXISTS, "Release " + v + " already exists ("
        + existing.fileName() + "): level " + level.label() + " bumps production " + production + " to " + v
        + ". " + next, v, existing, List.of(), List.of());
  }

  public static ReleaseStateException severalStages(PatchId id, List<Version> stages, CommandHints hints) {
    return refusal(Reason.SEVERAL_STAGES, "Several stage releases found (" + join(stages)
        + "): say which one patch " + id + " joins with toVersion. " + runOneOf(patchAddTo(id, stages, hints)),
        null, null, List.of(id), stages);
  }

  public static ReleaseStateException unknownStage(PatchId id, Version requested, List<Version> stages,
      CommandHints hints) {
    return refusal(Reason.UNKNOWN_STAGE, "No stage release " + requested + " for patch "
        + id + ": the stage releases are " + join(stages) + ". " + runOneOf(patchAddTo(id, stages, hints)),
        requested, null, List.of(id), stages);
  }

  /** {@code id} is listed by {@code release} (the most advanced release listing it). */
  public static ReleaseStateException patchAlreadyInRelease(PatchId id, ReleaseName release, CommandHints hints) {
    return refusal(Reason.PATCH_ALREADY_IN_RELEASE, "Patch " + id + " is already in release "
        + release + " (releases/" + release.fileName() + "): a patch joins one release only. Run: "
        + hints.command("status"), release.version(), release, List.of(id), List.of());
  }

  public static ReleaseStateException activeRcExists(Version stage, ReleaseName activeRc, CommandHints hints) {
    return refusal(Reason.ACTIVE_RC_EXISTS, "Active RC exists: " + activeRc
        + " is not in production yet, so " + stage + "-stage cannot become an RC. Release it first. Run: "
        + hints.command("promote", "to", "prod"), stage, activeRc, List.of(), List.of());
  }

  /** release-new would create {@code next} below {@code activeRc}, which must reach production first. */
  public static ReleaseStateException releaseBelowActiveRc(Version next, ReleaseName activeRc,
      CommandHints hints) {
    return refusal(Reason.ACTIVE_RC_EXISTS, "Active RC exists: " + activeRc
        + " is not in production yet, and release " + next + " would have to reach production before it."
        + " Release it first, then create " + next + ". Run: " + hints.command("promote", "to", "prod"),
        next, activeRc, List.of(), List.of());
  }

  public static ReleaseStateException stageEmpty(Version stage, CommandHints hints) {
    ReleaseName name = ReleaseName.stage(stage);
    return refusal(Reason.STAGE_EMPTY, "Stage release " + name + " is empty: an RC needs"
        + " at least one patch. Add one, or delete the empty stage. Run: "
        + hints.command("patch-add", "id", "<id>", "toVersion", stage.toString()) + " or: git rm releases/"
        + name.fileName(), stage, name, List.of(), List.of());
  }

  /** promote rc: {@code stage} lists nothing since {@code rc}, its version's active RC. */
  public static ReleaseStateException nothingSinceRc(Version stage, ReleaseName rc, CommandHints hints) {
    ReleaseName name = ReleaseName.stage(stage);
    return refusal(Reason.STAGE_EMPTY, "Stage release " + name + " has no patch since " + rc
        + ": nothing to promote to an RC. Add a patch, or put " + rc + " in production. Run: "
        + hints.command("patch-add", "id", "<id>", "toVersion", stage.toString()) + " or: "
        + hints.command("promote", "to", "prod"), stage, name, List.of(), List.of());
  }

  public static ReleaseStateException noActiveRc(CommandHints hints) {
    return refusal(Reason.NO_ACTIVE_RC, "No active RC found: no release candidate waits"
        + " for production. Run: " + hints.command("promote", "to", "rc"), null, null, List.of(), List.of());
  }

  public static ReleaseStateException noRcOf(Version version, CommandHints hints) {
    return refusal(Reason.NO_ACTIVE_RC, "No active RC found for " + version
        + ": it has no release candidate to put in production. Run: " + hints.command("promote", "to", "rc"),
        version, null, List.of(), List.of());
  }

  /** {@code activeRc} cannot go to production while its stage lists {@code pending}. */
  public static ReleaseStateException stageNotEmpty(ReleaseName activeRc, List<PatchId> pending,
      CommandHints hints) {
    ReleaseName stage = ReleaseName.stage(activeRc.version());
    return refusal(Reason.STAGE_NOT_EMPTY, "Stage release " + stage + " lists patches that"
        + " are in no RC yet (" + join(pending) + "): " + activeRc + " cannot go to production without them."
        + " Promote them to an RC first. Run: " + hints.command("promote", "to", "rc"),
        activeRc.version(), stage, pending, List.of());
  }

  public static ReleaseStateException notAProductionRelease(Version requested, List<Version> production,
      CommandHints hints) {
    String next = production.isEmpty()
        ? "there are none yet. Run: " + hints.command("update")
        : "the production releases are " + join(production) + ". Run: "
            + hints.command("upgrade", "toRelease", "<" + join(production, "|") + ">");
    return refusal(Reason.NOT_A_PRODUCTION_RELEASE, "Release " + requested
        + " is not a production release: " + next, requested, null, List.of(), production);
  }

  public static ReleaseStateException downgrade(Version from, Version requested, CommandHints hints) {
    return refusal(Reason.DOWNGRADE, "Release " + requested + " is older than the"
        + " database's version " + from + ": hop does not downgrade. Run: " + hints.command("update"),
        requested, ReleaseName.production(requested), List.of(), List.of(from));
  }

  private static List<String> patchAddTo(PatchId id, List<Version> stages, CommandHints hints) {
    return stages.stream()
        .map(v -> hints.command("patch-add", "id", id.value(), "toVersion", v.toString()))
        .toList();
  }

  private static String runOneOf(List<String> commands) {
    return (commands.size() == 1 ? "Run: " : "Run one of: ") + String.join("; ", commands);
  }

  private static String join(List<?> values) {
    return join(values, ", ");
  }

  private static String join(List<?> values, String separator) {
    return values.stream().map(Object::toString).collect(Collectors.joining(separator));
  }

  private static ReleaseStateException refusal(Reason reason, String message, Version version, ReleaseName release,
      List<?> patches, List<?> versions) {
    return new ReleaseStateException(reason, message, Optional.ofNullable(version).map(Version::toString),
        Optional.ofNullable(release).map(ReleaseName::toString), texts(patches), texts(versions));
  }

  private static List<String> texts(List<?> values) {
    return values.stream().map(Object::toString).toList();
  }
}
