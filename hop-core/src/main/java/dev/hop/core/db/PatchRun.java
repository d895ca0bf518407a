package dev.hop.core.db;

import dev.hop.core.release.PatchId;
import java.time.Duration;
import java.util.List;

/**
 * What applying one patch did.
 *
 * @param patch the patch
 * @param scripts the scripts run, in order
 * @param transactional false when a Java script or a no-transaction file committed part of the work early
 * @param took the wall time
 */
public record PatchRun(PatchId patch, List<String> scripts, boolean transactional, Duration took) {

  public PatchRun {
    scripts = List.copyOf(scripts);
  }
}
