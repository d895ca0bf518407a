package dev.hop.core.release;

import dev.hop.core.errors.ReleaseStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders the patches to apply on top of the production state so that a patch is tried in the
 * database it will meet: the pending releases up to its own, each as its active RC's full list then
 * its stage's list.
 *
 * <p>patch-apply applies the next release's RC patches, then its stage patches, then this patch. With
 * several pending releases (stages 1.0.1 and 1.1.0), production receives the smaller ones first, so
 * every pending release up to the patch's own is applied, in ascending version order.
 */
final class ApplyContext {

  private final Releases releases;

  ApplyContext(Releases releases) {
    this.releases = releases;
  }

  /**
   * For patch-apply: the release is the pending one whose stage or active RC lists {@code current},
   * else the smallest pending one; {@code current} stays at its place when listed, else comes last.
   *
   * @throws ReleaseStateException PATCH_ALREADY_IN_RELEASE when a production file lists
   *     {@code current}: it is part of the production state already
   */
  List<PatchId> forPatchApply(PatchId current) throws ReleaseStateException {
    Optional<ReleaseName> released = releases.releaseListing(current).filter(ReleaseName::isProduction);
    if (released.isPresent()) {
      throw ReleaseRefusals.patchAlreadyInRelease(current, released.get(), releases.hints());
    }
    List<Version> pending = releases.pendingVersions();
    Optional<Version> target = pending.stream()
        .filter(v -> pendingPatches(v).contains(current))
        .findFirst()
        .or(() -> pending.stream().findFirst());
    List<PatchId> order = target.map(this::upTo).orElseGet(ArrayList::new);
    if (!order.contains(current)) {
      order.add(current);
    }
    return List.copyOf(order);
  }

  /**
   * For patch-add's validation: the pending releases up to {@code target}, then {@code current} last
   * (patch-add has checked that no release lists it).
   */
  List<PatchId> forValidation(Version target, PatchId current) {
    List<PatchId> order = upTo(target);
    order.remove(current);
    order.add(current);
    return List.copyOf(order);
  }

  private List<PatchId> upTo(Version target) {
    List<PatchId> order = new ArrayList<>();
    for (Version v : releases.pendingVersions()) {
      if (!v.isAfter(target)) {
        order.addAll(pendingPatches(v));
      }
    }
    return order;
  }

  /** A pending version's active RC list (all its patches so far) followed by its stage list. */
  private List<PatchId> pendingPatches(Version version) {
    List<PatchId> patches = new ArrayList<>();
    if (!releases.isReleased(version)) {
      releases.latestRc(version).ifPresent(rc -> patches.addAll(releases.patches(rc)));
    }
    releases.stage(version).ifPresent(stage -> patches.addAll(stage.patches()));
    return patches;
  }
}
