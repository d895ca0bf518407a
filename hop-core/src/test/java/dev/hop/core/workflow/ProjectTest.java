package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.CommandHints;
import dev.hop.core.HopSettings;
import dev.hop.core.Secret;
import dev.hop.core.git.GitEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that a project leaves no thread of its own behind once closed. */
class ProjectTest {
  @TempDir
  Path dir;

  @Test
  void closingWaitsForTheGitStartupEvenWhenTheRepositoryWasNeverOpened() {
    HopSettings settings = new HopSettings(dir, Optional.empty(), "none", Optional.empty(), Secret.none(), "it.hop.db",
        Optional.empty(), HopSettings.GitCredentials.NONE, Optional.empty(), Duration.ofMinutes(1),
        Duration.ofMinutes(30), CommandHints.NEUTRAL, Optional.empty());
    Project project = new Project(settings, e -> { }, Clock.systemUTC(), new GitEnvironment(dir, Map.of()));

    project.startGit();
    project.close();

    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("hop-git-startup"));
  }
}
