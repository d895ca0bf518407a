package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code patch-apply} did: the production state it restored, the patches it applied in order, and
 * what code generation wrote.
 *
 * @param patch the patch of the current branch
 * @param database the development database's name
 * @param production the production version restored
 * @param applied every patch applied, in order, with where its files were read
 * @param written generated files created or changed
 * @param unchanged generated files already up to date
 * @param deleted generated files of relations that no longer exist
 * @param took the wall time of the whole goal
 */
public record PatchApplyResult(PatchId patch, String database, Version production, List<Applied> applied,
    int written, int unchanged, int deleted, Duration took) {

  /**
   * One patch applied.
   *
   * @param patch its id
   * @param source where its files were read: a branch, or {@code working tree}
   * @param scripts the scripts run, in order
   */
  public record Applied(PatchId patch, String source, List<String> scripts) {
    public Applied {
      Objects.requireNonNull(patch, "patch");
      Objects.requireNonNull(source, "source");
      scripts = List.copyOf(scripts);
    }
  }

  public PatchApplyResult {
    Objects.requireNonNull(patch, "patch");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(production, "production");
    applied = List.copyOf(applied);
    Objects.requireNonNull(took, "took");
  }
}
