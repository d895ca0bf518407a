package dev.hop.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code db-stop} did.
 *
 * @param stoppedPid the pid of the server it stopped, empty when none was running
 */
public record DbStopResult(Optional<Long> stoppedPid) {
  public DbStopResult {
    Objects.requireNonNull(stoppedPid, "stoppedPid");
  }

  public boolean stopped() {
    return stoppedPid.isPresent();
  }
}
