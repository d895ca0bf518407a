package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.InvalidPromoteTargetException;
import dev.hop.core.git.TeamLock;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.ProdPromotion;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.RcPromotion;
import dev.hop.core.workflow.TeamGate;
import java.util.Locale;

/**
 * Promotes a release (SPEC §7 {@code promote}): {@code rc} turns the smallest stage into the next release
 * candidate, {@code prod} puts the active release candidate in production; both under the team lock.
 */
public final class PromoteCommand {
  static final String GOAL = "promote";

  private final Project project;
  private String to;
  private boolean called;

  PromoteCommand(Project project) {
    this.project = project;
  }

  /** {@code rc} or {@code prod}. */
  public PromoteCommand setTo(String to) {
    if (called) {
      throw new IllegalStateException("A PromoteCommand runs once; ask Hop for a new one");
    }
    this.to = to;
    return this;
  }

  /**
   * Promotes.
   *
   * @throws HopUserException an invalid target, the wrong branch, uncommitted files, a branch not synced with
   *     origin, a release state that refuses the promotion, the lock held by someone else, a failing script
   * @throws HopEnvironmentException Git, database or pg_dump failures
   */
  public PromoteResult call() throws HopException {
    if (called) {
      throw new IllegalStateException("A PromoteCommand runs once; ask Hop for a new one");
    }
    called = true;
    long start = project.clock().millis();
    String target = to == null ? "" : to.trim().toLowerCase(Locale.ROOT);
    if (!target.equals("rc") && !target.equals("prod")) {
      throw new InvalidPromoteTargetException(to, project.settings().hints());
    }
    TeamGate gate = new TeamGate(project);
    gate.requireReady("promote to " + target);
    Releases releases = project.releases();
    if (target.equals("rc")) {
      Version version = releases.promoteRcVersion();
      RcPromotion promotion = new RcPromotion(project, releases, version);
      promotion.check();
      try (TeamLock lock = gate.lock(GOAL)) {
        return promotion.run(start);
      }
    }
    Version version = releases.promoteProdVersion();
    ProdPromotion promotion = new ProdPromotion(project, releases, version);
    promotion.check();
    try (TeamLock lock = gate.lock(GOAL)) {
      return promotion.run(start);
    }
  }
}
