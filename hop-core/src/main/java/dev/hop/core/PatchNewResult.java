package dev.hop.core;

import dev.hop.core.release.PatchId;
import java.util.Objects;

/**
 * What {@code patch-new} did: the number it reserved, the folder it committed on ho-prod, and the patch
 * branch it pushed and checked out.
 *
 * @param patch the new patch
 * @param tag the reservation tag pushed to origin ({@code ho-patch/12})
 * @param readme the README committed on ho-prod ({@code Patches/12-users/README.md})
 * @param branch the patch branch, now checked out ({@code ho-patch/12-users})
 */
public record PatchNewResult(PatchId patch, String tag, String readme, String branch) {

  public PatchNewResult {
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(readme, "readme");
    Objects.requireNonNull(branch, "branch");
  }
}
