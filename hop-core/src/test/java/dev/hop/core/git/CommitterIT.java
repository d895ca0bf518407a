package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks hop's commits: [ho] subject, body, author from git config or the stated default. */
class CommitterIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void commitsTheGivenPathsWithAnHoSubjectAndTheConfiguredAuthor() throws Exception {
    git.sandbox.write("alice", "Patches/12-users/README.md", "# Users\n");
    git.sandbox.write("alice", "unrelated.txt", "stays untracked\n");

    new Committer(git.workspace("alice"), GitFixture.clock()).commit("Add Patches/12-users", "Reserved by alice.",
        List.of("Patches/12-users"));

    assertThat(git.git("alice", "log", "-1", "--format=%s|%b|%an <%ae>").strip())
        .isEqualTo("[ho] Add Patches/12-users|Reserved by alice.|alice <alice@example.invalid>");
    assertThat(git.git("alice", "show", "--name-only", "--format=", "HEAD")).isEqualTo("Patches/12-users/README.md");
    assertThat(git.git("alice", "status", "--porcelain")).isEqualTo("?? unrelated.txt");
  }

  @Test
  void withoutAGitIdentityHopSignsAsItselfAndSaysSo() throws Exception {
    git.git("alice", "config", "--unset", "user.name");
    git.git("alice", "config", "--unset", "user.email");
    git.git("alice", "config", "--global", "--unset", "user.name");
    git.git("alice", "config", "--global", "--unset", "user.email");
    GitWorkspace alice = git.workspace("alice");
    alice.repository().getConfig().load();

    new Committer(alice, GitFixture.clock()).commit("[ho] Release 1.0.0", "", List.of());

    assertThat(git.git("alice", "log", "-1", "--format=%s|%an <%ae>|%cn")).isEqualTo("[ho] Release 1.0.0|hop <hop@localhost>|hop");
    assertThat(git.events).filteredOn(e -> e.level() == HopEvent.Level.WARN).singleElement()
        .extracting(HopEvent::message).asString().contains("git config --global user.name");
  }
}
