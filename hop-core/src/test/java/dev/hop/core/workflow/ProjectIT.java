package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.git.GitWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the repository work a project runs in the background: its hand-over, its failures, and that no thread outlives the project. */
class ProjectIT {
  @TempDir
  Path dir;

  @Test
  void closingWaitsForTheGitWorkEvenWhenTheGoalNeverAskedForTheRepository() throws Exception {
    Git.init().setDirectory(dir.toFile()).call().close();
    Project project = project();

    CountDownLatch started = new CountDownLatch(1);
    project.startGit(git -> {
      started.countDown();
      sleep();
      return null;
    });
    started.await();
    project.close();

    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("hop-git"));
  }

  @Test
  void theRepositoryOpenedInTheBackgroundIsTheOneTheGoalGets() throws Exception {
    Git.init().setDirectory(dir.toFile()).call().close();
    try (Project project = project()) {
      AtomicReference<GitWorkspace> seen = new AtomicReference<>();
      Background<String> work = project.startGit(git -> {
        seen.set(git);
        return "fetched";
      });

      assertThat(work.await()).isEqualTo("fetched");
      assertThat(project.git()).isSameAs(seen.get());
      assertThatThrownBy(() -> project.startGit(git -> null)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aRepositoryThatCannotBeOpenedFailsTheWorkAndTheGoalAlike() {
    try (Project project = project()) {
      Background<String> work = project.startGit(git -> "never");

      assertThatThrownBy(work::await).isInstanceOf(RepositoryStateException.class)
          .hasMessageContaining("Not a Git repository");
      assertThatThrownBy(project::git).isInstanceOf(RepositoryStateException.class)
          .hasMessageContaining("Not a Git repository");
    }
  }

  private Project project() {
    HopSettings settings = new HopSettings(dir, Optional.empty(), "none", Optional.empty(), Secret.none(), "it.hop.db",
        Optional.empty(), HopSettings.GitCredentials.NONE, Optional.empty(), Duration.ofMinutes(1),
        Duration.ofMinutes(30), CommandHints.NEUTRAL, Optional.empty());
    return new Project(settings, e -> { }, Clock.systemUTC(), new GitEnvironment(dir, Map.of()), Optional.empty());
  }

  private static void sleep() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
