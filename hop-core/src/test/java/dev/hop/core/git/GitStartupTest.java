package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that waiting for JGit's start-up ends with it done, and keeps the caller's interrupt. */
class GitStartupTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void awaitReturnsWithTheStartupDoneAndTheSystemConfigurationRead() throws Exception {
    GitStartup startup = GitStartup.begin();

    startup.await();

    assertThat(startup.isDone()).isTrue();
    assertThat(SystemReader.getInstance().getSystemConfig()).isNotNull();
  }

  @Test
  void anInterruptedCallerStillWaitsAndKeepsItsInterrupt() {
    GitStartup startup = GitStartup.begin();
    Thread.currentThread().interrupt();

    startup.await();

    assertThat(startup.isDone()).isTrue();
    assertThat(Thread.interrupted()).isTrue();
  }
}
