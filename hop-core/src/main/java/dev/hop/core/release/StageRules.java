package dev.hop.core.release;

import dev.hop.core.errors.ReleaseStateException;
import java.util.List;
import java.util.Optional;

/** Decides which stage release-new creates and which stage patch-add appends a patch to. */
final class StageRules {

  private final Releases releases;

  StageRules(Releases releases) {
    this.releases = releases;
  }

  /**
   * The production version bumped by {@code level}, unless a release of that version exists or an
   * active RC of a greater version would have to reach production after it (promote rc takes the
   * smallest stage, so such a stage could never become an RC).
   */
  Version nextVersion(ReleaseLevel level) throws ReleaseStateException {
    Version production = releases.productionVersion();
    Version next = production.bump(level);
    Optional<ReleaseName> existing =
        releases.names().stream().filter(n -> n.version().equals(next)).reduce((first, later) -> later);
    if (existing.isPresent()) {
      throw ReleaseRefusals.releaseExists(level, production, existing.get(), releases.hints());
    }
    Optional<ReleaseName> greaterRc =
        releases.activeRcs().stream().filter(rc -> rc.version().isAfter(next)).findFirst();
    if (greaterRc.isPresent()) {
      throw ReleaseRefusals.releaseBelowActiveRc(next, greaterRc.get(), releases.hints());
    }
    return next;
  }

  /**
   * The only stage or the one {@code toVersion} names, checked in this order: the patch is in no
   * release yet, a stage exists, {@code toVersion} names a stage, one stage when it is absent.
   */
  Version patchAddTarget(PatchId id, Optional<Version> toVersion) throws ReleaseStateException {
    Optional<ReleaseName> listing = releases.releaseListing(id);
    if (listing.isPresent()) {
      throw ReleaseRefusals.patchAlreadyInRelease(id, listing.get(), releases.hints());
    }
    List<Version> stages = releases.stages();
    if (stages.isEmpty()) {
      throw ReleaseRefusals.noStageForPatch(id, releases.hints());
    }
    if (toVersion.isPresent()) {
      if (!stages.contains(toVersion.get())) {
        throw ReleaseRefusals.unknownStage(id, toVersion.get(), stages, releases.hints());
      }
      return toVersion.get();
    }
    if (stages.size() > 1) {
      throw ReleaseRefusals.severalStages(id, stages, releases.hints());
    }
    return stages.get(0);
  }
}
