package dev.hop.core.workflow;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import java.util.List;

/**
 * What a promotion made.
 *
 * @param release the new release, {@code 1.4.0-rc1} or {@code 1.4.0}
 * @param patches every patch its file lists
 * @param tag the tag pushed with ho-prod
 * @param notified the patch branches that received the notification commit
 */
public record Promotion(ReleaseName release, List<PatchId> patches, String tag, List<String> notified) {

  public Promotion {
    patches = List.copyOf(patches);
    notified = List.copyOf(notified);
  }
}
