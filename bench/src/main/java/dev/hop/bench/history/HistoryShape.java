package dev.hop.bench.history;

/**
 * How big a generated history is.
 *
 * @param releases production releases
 * @param patchesPerRelease patches in each production release
 * @param stagePatches patches added to the next release's stage (on their archived branches), 0 for none
 * @param currentPatch whether a patch is under development on its {@code ho-patch/<id>} branch
 */
public record HistoryShape(int releases, int patchesPerRelease, int stagePatches, boolean currentPatch) {

  public HistoryShape {
    if (releases < 0 || patchesPerRelease < 1 || stagePatches < 0) {
      throw new IllegalArgumentException("Not a history shape: " + releases + " releases of " + patchesPerRelease
          + " patches, " + stagePatches + " stage patches");
    }
  }

  /** Only production releases. */
  public static HistoryShape released(int releases, int patchesPerRelease) {
    return new HistoryShape(releases, patchesPerRelease, 0, false);
  }

  public int releasedPatches() {
    return releases * patchesPerRelease;
  }

  public int patches() {
    return releasedPatches() + stagePatches + (currentPatch ? 1 : 0);
  }
}
