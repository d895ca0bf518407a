package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Refuses a goal that the state of {@code releases/} does not allow (no stage, an active RC, an empty
 * stage...), carrying the blocking facts and naming the command to run next.
 */
public final class ReleaseStateException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the release state refuses the goal. */
  public enum Reason {
    /** release-new, patch-add or promote rc: there is no stage release. */
    NO_STAGE,
    /** release-new: the next version at that level already has a release file. */
    STAGE_EXISTS,
    /** patch-add: several stages exist and toVersion was not given. */
    SEVERAL_STAGES,
    /** patch-add: toVersion names no stage. */
    UNKNOWN_STAGE,
    /** patch-add, promote rc, patch-apply: the patch is already listed by a release. */
    PATCH_ALREADY_IN_RELEASE,
    /**
     * promote rc: another version has an RC that is not in production yet; release-new: the new
     * version is below a version whose RC is not in production yet.
     */
    ACTIVE_RC_EXISTS,
    /** promote rc: the stage lists no patch. */
    STAGE_EMPTY,
    /** promote prod: no RC waits for production. */
    NO_ACTIVE_RC,
    /** promote prod: the stage lists patches that are in no RC yet. */
    STAGE_NOT_EMPTY,
    /** upgrade: the requested release has no production file. */
    NOT_A_PRODUCTION_RELEASE,
    /** upgrade: the requested release is older than the database. */
    DOWNGRADE
  }

  private static final String ANY_LEVEL = "<patch|minor|major>";

  private final Reason reason;
  private final transient Optional<Version> version;
  private final transient Optional<ReleaseName> release;
  private final transient List<PatchId> patches;
  private final transient List<Version> versions;

  private ReleaseStateException(Reason reason, String message, Version version, ReleaseName release,
      List<PatchId> patches, List<Version> versions) {
    super(message);
    this.reason = reason;
    this.version = Optional.ofNullable(version);
    this.release = Optional.ofNullable(release);
    this.patches = List.copyOf(patches);
    this.versions = List.copyOf(versions);
  }

  public static ReleaseStateException noStageForPatch(PatchId id, CommandHints hints) {
    return new ReleaseStateException(Reason.NO_STAGE, "No stage releases found: patch " + id
        + " has no release to join. Create one first. Run: " + hints.command("release-new", "level", ANY_LEVEL),
        null, null, List.of(id), List.of());
  }

  public static ReleaseStateException noStageToPromote(CommandHints hints) {
    return new ReleaseStateException(Reason.NO_STAGE, "No stage releases found: nothing to promote to an RC."
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
    return new ReleaseStateException(Reason.STAGE_EXISTS, "Release " + v + " already exists ("
        + existing.fileName() + "): level " + level.label() + " bumps production " + production + " to " + v
        + ". " + next, v, existing, List.of(), List.of());
  }

  public static ReleaseStateException severalStages(PatchId id, List<Version> stages, CommandHints hints) {
    return new ReleaseStateException(Reason.SEVERAL_STAGES, "Several stage releases found (" + join(stages)
        + "): say which one patch " + id + " joins with toVersion. " + runOneOf(patchAddTo(id, stages, hints)),
        null, null, List.of(id), stages);
  }

  public static ReleaseStateException unknownStage(PatchId id, Version requested, List<Version> stages,
      CommandHints hints) {
    return new ReleaseStateException(Reason.UNKNOWN_STAGE, "No stage release " + requested + " for patch "
        + id + ": the stage releases are " + join(stages) + ". " + runOneOf(patchAddTo(id, stages, hints)),
        requested, null, List.of(id), stages);
  }

  /** {@code id} is listed by {@code release} (the most advanced release listing it). */
  public static ReleaseStateException patchAlreadyInRelease(PatchId id, ReleaseName release, CommandHints hints) {
    return new ReleaseStateException(Reason.PATCH_ALREADY_IN_RELEASE, "Patch " + id + " is already in release "
        + release + " (releases/" + release.fileName() + "): a patch joins one release only. Run: "
        + hints.command("status"), release.version(), release, List.of(id), List.of());
  }

  public static ReleaseStateException activeRcExists(Version stage, ReleaseName activeRc, CommandHints hints) {
    return new ReleaseStateException(Reason.ACTIVE_RC_EXISTS, "Active RC exists: " + activeRc
        + " is not in production yet, so " + stage + "-stage cannot become an RC. Release it first. Run: "
        + hints.command("promote", "to", "prod"), stage, activeRc, List.of(), List.of());
  }

  /** release-new would create {@code next} below {@code activeRc}, which must reach production first. */
  public static ReleaseStateException releaseBelowActiveRc(Version next, ReleaseName activeRc,
      CommandHints hints) {
    return new ReleaseStateException(Reason.ACTIVE_RC_EXISTS, "Active RC exists: " + activeRc
        + " is not in production yet, and release " + next + " would have to reach production before it."
        + " Release it first, then create " + next + ". Run: " + hints.command("promote", "to", "prod"),
        next, activeRc, List.of(), List.of());
  }

  public static ReleaseStateException stageEmpty(Version stage, CommandHints hints) {
    ReleaseName name = ReleaseName.stage(stage);
    return new ReleaseStateException(Reason.STAGE_EMPTY, "Stage release " + name + " is empty: an RC needs"
        + " at least one patch. Add one, or delete the empty stage. Run: "
        + hints.command("patch-add", "id", "<id>", "toVersion", stage.toString()) + " or: git rm releases/"
        + name.fileName(), stage, name, List.of(), List.of());
  }

  /** promote rc: {@code stage} lists nothing since {@code rc}, its version's active RC. */
  public static ReleaseStateException nothingSinceRc(Version stage, ReleaseName rc, CommandHints hints) {
    ReleaseName name = ReleaseName.stage(stage);
    return new ReleaseStateException(Reason.STAGE_EMPTY, "Stage release " + name + " has no patch since " + rc
        + ": nothing to promote to an RC. Add a patch, or put " + rc + " in production. Run: "
        + hints.command("patch-add", "id", "<id>", "toVersion", stage.toString()) + " or: "
        + hints.command("promote", "to", "prod"), stage, name, List.of(), List.of());
  }

  public static ReleaseStateException noActiveRc(CommandHints hints) {
    return new ReleaseStateException(Reason.NO_ACTIVE_RC, "No active RC found: no release candidate waits"
        + " for production. Run: " + hints.command("promote", "to", "rc"), null, null, List.of(), List.of());
  }

  public static ReleaseStateException noRcOf(Version version, CommandHints hints) {
    return new ReleaseStateException(Reason.NO_ACTIVE_RC, "No active RC found for " + version
        + ": it has no release candidate to put in production. Run: " + hints.command("promote", "to", "rc"),
        version, null, List.of(), List.of());
  }

  /** {@code activeRc} cannot go to production while its stage lists {@code pending}. */
  public static ReleaseStateException stageNotEmpty(ReleaseName activeRc, List<PatchId> pending,
      CommandHints hints) {
    ReleaseName stage = ReleaseName.stage(activeRc.version());
    return new ReleaseStateException(Reason.STAGE_NOT_EMPTY, "Stage release " + stage + " lists patches that"
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
    return new ReleaseStateException(Reason.NOT_A_PRODUCTION_RELEASE, "Release " + requested
        + " is not a production release: " + next, requested, null, List.of(), production);
  }

  public static ReleaseStateException downgrade(Version from, Version requested, CommandHints hints) {
    return new ReleaseStateException(Reason.DOWNGRADE, "Release " + requested + " is older than the"
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

  public Reason reason() {
    return reason;
  }

  /** The version the refusal is about (the stage, the RC's version, the requested release). */
  public Optional<Version> version() {
    return version;
  }

  /** The release file that blocks the goal (the existing release, the active RC, the non-empty stage...). */
  public Optional<ReleaseName> release() {
    return release;
  }

  /** The patches concerned: the id being added, or the stage's patches not in an RC yet. */
  public List<PatchId> patches() {
    return patches;
  }

  /** The versions to choose from (stages, production releases), or the database's version for DOWNGRADE. */
  public List<Version> versions() {
    return versions;
  }
}
