package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code status} found: the production version, the active RC and the stages with their patches.
 *
 * @param productionVersion the greatest production release, 0.0.0 before the first
 * @param activeRc the RC waiting for production, with all its patches
 * @param stages the stage releases in version order, with the patches added since their latest RC
 */
public record StatusResult(Version productionVersion, Optional<Release> activeRc, List<Release> stages) {

  /** One release file and the patches it lists. */
  public record Release(ReleaseName name, List<PatchId> patches) {
    public Release {
      Objects.requireNonNull(name, "name");
      patches = List.copyOf(patches);
    }
  }

  public StatusResult {
    Objects.requireNonNull(productionVersion, "productionVersion");
    Objects.requireNonNull(activeRc, "activeRc");
    stages = List.copyOf(stages);
  }

  /** The result as the lines a user reads. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Production version: " + productionVersion);
    lines.add("Active RC: " + activeRc.map(rc -> rc.name() + ", " + count(rc.patches())).orElse("none"));
    if (stages.isEmpty()) {
      lines.add("Stages: none");
    }
    for (Release stage : stages) {
      lines.add("Stage " + stage.name().version() + ": " + count(stage.patches()));
    }
    return lines;
  }

  private static String count(List<PatchId> patches) {
    if (patches.isEmpty()) {
      return "no patches";
    }
    return patches.size() + (patches.size() == 1 ? " patch: " : " patches: ")
        + patches.stream().map(PatchId::toString).collect(Collectors.joining(", "));
  }
}
