package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ReleaseStateException;
import java.util.List;
import java.util.Optional;

/** Chooses the production releases that take a database from its version to a target, in order. */
final class UpgradePath {

  private UpgradePath() {}

  /**
   * The production versions after {@code from} and up to {@code to} (all of them when absent),
   * ascending; empty when {@code to} equals {@code from}.
   *
   * @throws ReleaseStateException NOT_A_PRODUCTION_RELEASE when {@code to} has no production file;
   *     DOWNGRADE when {@code to} is older than {@code from}
   */
  static List<Version> between(List<Version> production, Version from, Optional<Version> to,
      CommandHints hints) throws ReleaseStateException {
    if (to.isPresent()) {
      Version target = to.get();
      if (target.equals(from)) {
        return List.of();
      }
      if (!production.contains(target)) {
        throw ReleaseRefusals.notAProductionRelease(target, production, hints);
      }
      if (from.isAfter(target)) {
        throw ReleaseRefusals.downgrade(from, target, hints);
      }
    }
    return production.stream()
        .filter(v -> v.isAfter(from))
        .filter(v -> to.isEmpty() || !v.isAfter(to.get()))
        .toList();
  }
}
