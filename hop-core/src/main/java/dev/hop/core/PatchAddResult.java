package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code patch-add} did: the patch joined a stage release after its validation passed.
 *
 * @param patch the patch added
 * @param stage the stage release it joined
 * @param stagePatches every patch the stage lists now, in order
 * @param tests Surefire's counts of the validation's test run
 * @param commit the commit on ho-prod ({@code [ho] Add <id> to release X.Y.Z-stage}), abbreviated
 * @param archivedAs the patch's branch now, {@code ho-release/X.Y.Z/<id>}
 * @param took the wall time
 */
public record PatchAddResult(PatchId patch, ReleaseName stage, List<PatchId> stagePatches, String tests,
    String commit, String archivedAs, Duration took) {

  public PatchAddResult {
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(stage, "stage");
    stagePatches = List.copyOf(stagePatches);
    Objects.requireNonNull(tests, "tests");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(archivedAs, "archivedAs");
    Objects.requireNonNull(took, "took");
  }

  /** The result as the lines a user reads. */
  public List<String> lines() {
    return List.of(
        "Added " + patch + " to release " + stage + " (commit " + commit + " pushed to origin)",
        "Validation: " + tests,
        "Stage " + stage + ": " + stagePatches.stream().map(PatchId::value).collect(Collectors.joining(", ")),
        "Branch ho-patch/" + patch + " archived as " + archivedAs);
  }
}
