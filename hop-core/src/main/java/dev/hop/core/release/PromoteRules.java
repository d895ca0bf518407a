package dev.hop.core.release;

import dev.hop.core.errors.ReleaseStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which version promote moves from stage to RC and from RC to production, and what the new
 * RC file lists; only an RC without its production file blocks.
 */
final class PromoteRules {

  private final Releases releases;

  PromoteRules(Releases releases) {
    this.releases = releases;
  }

  /**
   * The smallest stage, unless another version's RC waits for production or the stage is empty. A stage
   * emptied by its own version's RC (promote rc leaves it in place) has nothing new: the next stage is
   * then the candidate, and that RC blocks it.
   */
  Version rcVersion() throws ReleaseStateException {
    List<Version> stages = releases.stages();
    if (stages.isEmpty()) {
      throw ReleaseRefusals.noStageToPromote(releases.hints());
    }
    Version version = stages.get(0);
    Optional<ReleaseName> ownRc = releases.activeRcs().stream().filter(rc -> rc.version().equals(version)).findFirst();
    if (ownRc.isPresent() && releases.stage(version).orElseThrow().isEmpty()) {
      if (stages.size() == 1) {
        throw ReleaseRefusals.nothingSinceRc(version, ownRc.get(), releases.hints());
      }
      throw ReleaseRefusals.activeRcExists(stages.get(1), ownRc.get(), releases.hints());
    }
    Optional<ReleaseName> otherRc =
        releases.activeRcs().stream().filter(rc -> !rc.version().equals(version)).findFirst();
    if (otherRc.isPresent()) {
      throw ReleaseRefusals.activeRcExists(version, otherRc.get(), releases.hints());
    }
    if (releases.stage(version).orElseThrow().isEmpty()) {
      throw ReleaseRefusals.stageEmpty(version, releases.hints());
    }
    return version;
  }

  /** The latest RC's list followed by the stage's, refusing a stage id the RC already lists. */
  List<PatchId> nextRcPatches(Version version) throws ReleaseStateException {
    Optional<ReleaseName> latest = releases.latestRc(version);
    List<PatchId> all = new ArrayList<>(latest.map(releases::patches).orElse(List.of()));
    for (PatchId id : releases.stage(version).map(ReleaseFile::patches).orElse(List.of())) {
      if (all.contains(id)) {
        throw ReleaseRefusals.patchAlreadyInRelease(id, latest.orElseThrow(), releases.hints());
      }
      all.add(id);
    }
    return List.copyOf(all);
  }

  /** The active RC's version, unless its stage lists patches that no RC holds yet. */
  Version prodVersion() throws ReleaseStateException {
    ReleaseName rc = releases.activeRc().orElseThrow(() -> ReleaseRefusals.noActiveRc(releases.hints()));
    List<PatchId> pending = releases.stage(rc.version()).map(ReleaseFile::patches).orElse(List.of());
    if (!pending.isEmpty()) {
      throw ReleaseRefusals.stageNotEmpty(rc, pending, releases.hints());
    }
    return rc.version();
  }
}
