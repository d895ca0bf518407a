package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.InvalidPromoteTargetException;
import dev.hop.core.git.TeamLock;
import dev.hop.core.release.Releases;
import dev.hop.core.workflow.ProdPromotion;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.Promotion;
import dev.hop.core.workflow.RcPromotion;
import dev.hop.core.workflow.TeamGate;
import java.util.Locale;

/**
 * Promotes a release: {@code rc} turns the smallest stage into the next release candidate, {@code prod} puts the
 * active release candidate in production; both under the team lock. Refuses ({@code HopUserException}) an invalid
 * target, the wrong branch, uncommitted files, a branch not synced with origin, a release state that refuses the
 * promotion, the lock held by someone else, a failing script.
 */
public final class PromoteCommand extends HopCommand<PromoteResult> {
  static final String GOAL = "promote";

  private String to;

  PromoteCommand(Project project) {
    super(project);
  }

  /** {@code rc} or {@code prod}. */
  public PromoteCommand setTo(String to) {
    checkCallable();
    this.to = to;
    return this;
  }

  /** A checked promotion, run under the team lock. */
  @FunctionalInterface
  private interface Run {
    Promotion run() throws HopException;
  }

  @Override
  protected Changes<PromoteResult> check() throws HopException {
    String target = to == null ? "" : to.trim().toLowerCase(Locale.ROOT);
    if (!target.equals("rc") && !target.equals("prod")) {
      throw new InvalidPromoteTargetException(to, project.settings().hints());
    }
    TeamGate gate = new TeamGate(project);
    gate.requireReady("promote to " + target);
    Releases releases = project.releases();
    Run promotion;
    if (target.equals("rc")) {
      RcPromotion rc = new RcPromotion(project, releases, releases.promoteRcVersion());
      rc.check();
      promotion = rc::run;
    } else {
      ProdPromotion prod = new ProdPromotion(project, releases, releases.promoteProdVersion());
      prod.check();
      promotion = prod::run;
    }
    return () -> {
      try (TeamLock lock = gate.lock(GOAL)) {
        Promotion done = promotion.run();
        return new PromoteResult(done.release(), done.patches(), done.tag(), done.notified(), took());
      }
    };
  }
}
