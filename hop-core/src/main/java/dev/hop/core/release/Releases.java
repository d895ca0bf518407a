package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ReleaseFileException;
import dev.hop.core.errors.ReleaseStateException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The whole {@code releases/} folder as an immutable value, answering what each goal may do next
 * without Git, database, clock or file access.
 *
 * <p>Vocabulary: the <em>active RC</em> of a version is its latest RC while the version has no
 * production file (an RC of a released version blocks nothing); a <em>pending</em> version has a
 * stage file or an active RC.
 */
public final class Releases {

  private final SortedMap<ReleaseName, ReleaseFile> files;
  private final Optional<Version> adoption;
  private final CommandHints hints;

  private Releases(SortedMap<ReleaseName, ReleaseFile> files, Optional<Version> adoption, CommandHints hints) {
    this.files = Collections.unmodifiableSortedMap(files);
    this.adoption = adoption;
    this.hints = Objects.requireNonNull(hints, "hints");
  }

  /**
   * Builds the value from file names and contents; names that are not release files (such as
   * {@code README.md}) are ignored. Files are read in name order, so the first faulty one is reported.
   *
   * @param hints spells the next command in refusals
   * @throws ReleaseFileException when a release file's content is not a list of patch ids
   */
  public static Releases of(Map<String, String> contentByFileName, CommandHints hints)
      throws ReleaseFileException {
    SortedMap<ReleaseName, ReleaseFile> files = new TreeMap<>();
    Optional<Version> adoption = Optional.empty();
    for (Map.Entry<String, String> e : new TreeMap<>(contentByFileName).entrySet()) {
      Optional<ReleaseName> name = ReleaseName.parse(e.getKey());
      if (name.isPresent()) {
        files.put(name.get(), ReleaseFile.parse(e.getKey(), e.getValue()));
        if (name.get().isProduction() && adoption.isEmpty() && ReleaseFile.isAdoption(e.getValue())) {
          adoption = Optional.of(name.get().version());
        }
      }
    }
    return new Releases(files, adoption, hints);
  }

  // ---- what exists -------------------------------------------------------------------------------

  /** Every release file, in {@link ReleaseName} order. */
  public List<ReleaseName> names() {
    return List.copyOf(files.keySet());
  }

  /** A file's contents, empty when there is no such file. */
  public Optional<ReleaseFile> file(ReleaseName name) {
    return Optional.ofNullable(files.get(name));
  }

  /**
   * The patches a file lists, empty when there is no such file: all patches of the release for an RC
   * or a production file, those added since the latest RC for a stage.
   */
  public List<PatchId> patches(ReleaseName name) {
    return file(name).map(ReleaseFile::patches).orElse(List.of());
  }

  /** The production version that hop:adopt made from an existing database, if the project began so. */
  public Optional<Version> adoption() {
    return adoption;
  }

  /** The versions that have a production file, ascending. */
  public List<Version> productionVersions() {
    return versions(ReleaseName::isProduction);
  }

  /** The greatest production version, {@link Version#ZERO} before the first release. */
  public Version productionVersion() {
    List<Version> all = productionVersions();
    return all.isEmpty() ? Version.ZERO : all.get(all.size() - 1);
  }

  public boolean isReleased(Version version) {
    return files.containsKey(ReleaseName.production(version));
  }

  /** The versions that have a stage file, ascending. */
  public List<Version> stages() {
    return versions(ReleaseName::isStage);
  }

  /** A version's stage file, empty when it has none. */
  public Optional<ReleaseFile> stage(Version version) {
    return file(ReleaseName.stage(version));
  }

  /** A version's RCs by number (rc9 before rc10). */
  public List<ReleaseName> rcs(Version version) {
    return names().stream().filter(n -> n.isRc() && n.version().equals(version)).toList();
  }

  /** A version's RC with the greatest number. */
  public Optional<ReleaseName> latestRc(Version version) {
    List<ReleaseName> rcs = rcs(version);
    return rcs.isEmpty() ? Optional.empty() : Optional.of(rcs.get(rcs.size() - 1));
  }

  /** The latest RC of every version without a production file, by version. */
  public List<ReleaseName> activeRcs() {
    return versions(ReleaseName::isRc).stream()
        .filter(v -> !isReleased(v))
        .map(v -> latestRc(v).orElseThrow())
        .toList();
  }

  /** The active RC; if several versions have one, which hop never makes, the smallest version's. */
  public Optional<ReleaseName> activeRc() {
    return activeRcs().stream().findFirst();
  }

  /** The versions with a stage or an active RC, ascending: what production will receive next. */
  public List<Version> pendingVersions() {
    return names().stream()
        .filter(n -> n.isStage() || (n.isRc() && !isReleased(n.version())))
        .map(ReleaseName::version)
        .distinct()
        .toList();
  }

  /** The most advanced release file listing {@code id} (production over RC, a later RC over an earlier). */
  public Optional<ReleaseName> releaseListing(PatchId id) {
    ReleaseName found = null;
    for (Map.Entry<ReleaseName, ReleaseFile> e : files.entrySet()) {
      if (e.getValue().contains(id)) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private List<Version> versions(Predicate<ReleaseName> kind) {
    return names().stream().filter(kind).map(ReleaseName::version).distinct().toList();
  }

  // ---- what the goals may do ----------------------------------------------------------------------

  /**
   * The version release-new creates: the production version bumped by {@code level}. Stages of
   * different levels coexist (1.0.1, 1.1.0 and 2.0.0 after 1.0.0); the same level twice is refused.
   *
   * @throws ReleaseStateException STAGE_EXISTS when that version already has a stage, RC or production file
   */
  public Version nextVersion(ReleaseLevel level) throws ReleaseStateException {
    return new StageRules(this).nextVersion(level);
  }

  /**
   * The stage patch-add appends {@code id} to: the only stage, or the one {@code toVersion} names.
   *
   * @throws ReleaseStateException PATCH_ALREADY_IN_RELEASE, NO_STAGE, UNKNOWN_STAGE or SEVERAL_STAGES
   */
  public Version patchAddTarget(PatchId id, Optional<Version> toVersion) throws ReleaseStateException {
    return new StageRules(this).patchAddTarget(id, toVersion);
  }

  /**
   * The version promote rc promotes: the smallest stage.
   *
   * @throws ReleaseStateException NO_STAGE; ACTIVE_RC_EXISTS while another version has an active RC
   *     (its field {@code release} names that RC); STAGE_EMPTY
   */
  public Version promoteRcVersion() throws ReleaseStateException {
    return new PromoteRules(this).rcVersion();
  }

  /** The number of {@code version}'s next RC: the greatest existing one plus 1 (rc1, rc3 give rc4), else 1. */
  public int nextRcNumber(Version version) {
    return latestRc(version).map(rc -> rc.rc() + 1).orElse(1);
  }

  /**
   * What the next RC file of {@code version} lists: its latest RC's patches, then its stage's.
   *
   * @throws ReleaseStateException PATCH_ALREADY_IN_RELEASE when the stage repeats an id of that RC
   */
  public List<PatchId> nextRcPatches(Version version) throws ReleaseStateException {
    return new PromoteRules(this).nextRcPatches(version);
  }

  /**
   * The version promote prod releases: the active RC's.
   *
   * @throws ReleaseStateException NO_ACTIVE_RC; STAGE_NOT_EMPTY while its stage lists patches
   */
  public Version promoteProdVersion() throws ReleaseStateException {
    return new PromoteRules(this).prodVersion();
  }

  /**
   * What {@code X.Y.Z.txt} will list: every patch of the version's latest RC.
   *
   * @throws ReleaseStateException NO_ACTIVE_RC when the version has no RC
   */
  public List<PatchId> productionPatches(Version version) throws ReleaseStateException {
    return patches(latestRc(version).orElseThrow(() -> ReleaseRefusals.noRcOf(version, hints)));
  }

  /**
   * The patches patch-apply applies after restoring production, in order; see {@link ApplyContext}.
   *
   * @throws ReleaseStateException PATCH_ALREADY_IN_RELEASE when a production file lists {@code current}
   */
  public List<PatchId> patchApplyContext(PatchId current) throws ReleaseStateException {
    return new ApplyContext(this).forPatchApply(current);
  }

  /** The patches patch-add's validation applies after restoring production, in order; see {@link ApplyContext}. */
  public List<PatchId> validationContext(Version target, PatchId current) {
    return new ApplyContext(this).forValidation(target, current);
  }

  /**
   * The production releases upgrade applies from {@code from} to {@code to} (the latest when absent).
   *
   * @throws ReleaseStateException NOT_A_PRODUCTION_RELEASE or DOWNGRADE; see {@link UpgradePath}
   */
  public List<Version> upgradePath(Version from, Optional<Version> to) throws ReleaseStateException {
    return UpgradePath.between(productionVersions(), from, to, hints);
  }

  CommandHints hints() {
    return hints;
  }

  @Override
  public String toString() {
    return "Releases" + files.keySet();
  }
}
