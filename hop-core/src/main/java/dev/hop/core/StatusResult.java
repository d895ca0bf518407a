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
 * What {@code status} found: the branch, the production and database versions, the active RC and
 * the stages with their patches, the patch branches, and who holds the team lock.
 *
 * @param branch the checked-out branch, or why there is none ({@code not a Git repository})
 * @param productionVersion the greatest production release, 0.0.0 before the first
 * @param databaseVersion the development database's {@code hop_last_release}, or {@code unreachable: <reason>}
 * @param activeRc the RC waiting for production, with all its patches
 * @param stages the stage releases in version order, with the patches added since their latest RC
 * @param patchBranches the {@code ho-patch/*} branches, local and on origin
 * @param lock who holds {@code lock-ho-prod}, empty when nobody does
 * @param originReached whether origin could be fetched (else branches and lock are as of the last fetch)
 * @param editedReleasedFiles the files of released patches the checkout changed since the latest production tag
 *     (committed or not), sorted: a released file is never edited
 */
public record StatusResult(String branch, Version productionVersion, String databaseVersion,
    Optional<Release> activeRc, List<Release> stages, List<PatchBranch> patchBranches, Optional<String> lock,
    boolean originReached, List<String> editedReleasedFiles) {

  /** One release file and the patches it lists. */
  public record Release(ReleaseName name, List<PatchId> patches) {
    public Release {
      Objects.requireNonNull(name, "name");
      patches = List.copyOf(patches);
    }
  }

  /**
   * One patch branch.
   *
   * @param name {@code ho-patch/<id>}
   * @param local whether it exists locally
   * @param onOrigin whether origin has it
   * @param mustMergeHoProd whether ho-prod has commits it lacks
   */
  public record PatchBranch(String name, boolean local, boolean onOrigin, boolean mustMergeHoProd) {
    public PatchBranch {
      Objects.requireNonNull(name, "name");
    }
  }

  public StatusResult {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(productionVersion, "productionVersion");
    Objects.requireNonNull(databaseVersion, "databaseVersion");
    Objects.requireNonNull(activeRc, "activeRc");
    stages = List.copyOf(stages);
    patchBranches = List.copyOf(patchBranches);
    Objects.requireNonNull(lock, "lock");
    editedReleasedFiles = List.copyOf(editedReleasedFiles);
  }

  /**
   * What waits for a promotion: each stage that lists patches, and the release candidate that waits for production;
   * empty when nothing does ({@code -Dhop.failIfPending=true} fails the build otherwise).
   */
  public List<String> pending() {
    List<String> pending = new ArrayList<>();
    for (Release stage : stages) {
      if (!stage.patches().isEmpty()) {
        pending.add(stage.name() + " lists " + count(stage.patches()));
      }
    }
    activeRc.ifPresent(rc -> pending.add(rc.name() + " waits for production"));
    return pending;
  }

  /** The result as the lines a user reads. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Branch: " + branch);
    lines.add("Production version: " + productionVersion);
    lines.add("Database version: " + databaseVersion);
    lines.add("Active RC: " + activeRc.map(rc -> rc.name() + ", " + count(rc.patches())).orElse("none"));
    if (stages.isEmpty()) {
      lines.add("Stages: none");
    }
    for (Release stage : stages) {
      lines.add("Stage " + stage.name().version() + ": " + count(stage.patches()));
    }
    if (patchBranches.isEmpty()) {
      lines.add("Patch branches: none");
    }
    for (PatchBranch b : patchBranches) {
      lines.add("Patch branch " + b.name() + " (" + where(b) + "): "
          + (b.mustMergeHoProd() ? "must merge ho-prod (git merge ho-prod)" : "up to date with ho-prod"));
    }
    lines.add("Lock: " + lock.map(holder -> "held by " + holder).orElse("free"));
    if (!originReached) {
      lines.add("Origin: not reached, patch branches and lock are as of the last fetch");
    }
    if (!editedReleasedFiles.isEmpty()) {
      lines.add("Released files edited since v" + productionVersion + " (a released file is never edited: restore it"
          + " with git checkout v" + productionVersion + " -- <file> and make the change a new patch):");
      editedReleasedFiles.forEach(path -> lines.add("  " + path));
    }
    return lines;
  }

  private static String where(PatchBranch b) {
    return b.local() && b.onOrigin() ? "local, origin" : b.local() ? "local only" : "origin only";
  }

  private static String count(List<PatchId> patches) {
    if (patches.isEmpty()) {
      return "no patches";
    }
    return patches.size() + (patches.size() == 1 ? " patch: " : " patches: ")
        + patches.stream().map(PatchId::toString).collect(Collectors.joining(", "));
  }
}
