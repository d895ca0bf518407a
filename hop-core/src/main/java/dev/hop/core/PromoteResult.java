package dev.hop.core;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code promote} did.
 *
 * @param release the new release: {@code 1.4.0-rc1} or {@code 1.4.0}
 * @param patches every patch the new release file lists
 * @param tag the tag pushed with ho-prod, {@code v1.4.0-rc1}
 * @param notified the patch branches that received the notification commit
 * @param took the wall time
 */
public record PromoteResult(ReleaseName release, List<PatchId> patches, String tag, List<String> notified,
    Duration took) {

  public PromoteResult {
    Objects.requireNonNull(release, "release");
    patches = List.copyOf(patches);
    Objects.requireNonNull(tag, "tag");
    notified = List.copyOf(notified);
    Objects.requireNonNull(took, "took");
  }

  /** The result as the lines a user reads. */
  public List<String> lines() {
    return List.of(
        "Promoted to " + release + " (tag " + tag + " pushed with ho-prod)",
        "Release " + release + ": " + patches.stream().map(PatchId::value).collect(Collectors.joining(", ")),
        "Notified " + (notified.isEmpty() ? "no patch branch" : String.join(", ", notified)));
  }
}
