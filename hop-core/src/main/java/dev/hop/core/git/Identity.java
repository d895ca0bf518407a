package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import java.time.Clock;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/**
 * The author and committer of hop's commits and tags: GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL (as CI servers set them),
 * else user.name/user.email from git config, else a clear default.
 */
final class Identity {
  static final String DEFAULT_NAME = "hop";
  static final String DEFAULT_EMAIL = "hop@localhost";

  private Identity() {
  }

  /** The person, stamped with {@code clock}'s time; warns once per call when git config names nobody. */
  static PersonIdent of(GitWorkspace workspace, Clock clock) {
    UserConfig user = workspace.repository().getConfig().get(UserConfig.KEY);
    boolean implicitName = user.isCommitterNameImplicit();
    boolean implicitEmail = user.isCommitterEmailImplicit();
    if (implicitName || implicitEmail) {
      workspace.events().accept(HopEvent.warn("Git does not know who you are: hop signs as " + DEFAULT_NAME + " <"
          + DEFAULT_EMAIL + ">. Set your identity with: git config --global user.name \"Your Name\" && "
          + "git config --global user.email you@example.com (a CI job: the GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL"
          + " variables)"));
    }
    String name = implicitName ? DEFAULT_NAME : user.getCommitterName();
    String email = implicitEmail ? DEFAULT_EMAIL : user.getCommitterEmail();
    return new PersonIdent(name, email, clock.instant(), clock.getZone());
  }
}
