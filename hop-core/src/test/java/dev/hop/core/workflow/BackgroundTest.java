package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ProjectStateException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void awaitHandsOverTheResultOnceTheWorkIsOver() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Background<String> work = Background.start("hop-test", () -> {
      await(release);
      return "done";
    });
    assertThat(work.isDone()).isFalse();
    release.countDown();

    assertThat(work.await()).isEqualTo("done");
    assertThat(work.isDone()).isTrue();
  }

  @Test
  void awaitRethrowsTheWorksOwnFailureOnTheCallersThread() {
    ProjectStateException failure = ProjectStateException.malformed(java.nio.file.Path.of("x"), "is not today's");
    Background<String> hop = Background.start("hop-test", () -> {
      throw failure;
    });
    Background<String> bug = Background.start("hop-test", () -> {
      throw new IllegalArgumentException("a bug");
    });

    assertThatThrownBy(hop::await).isSameAs(failure);
    assertThatThrownBy(bug::await).isInstanceOf(IllegalArgumentException.class).hasMessage("a bug");
  }

  @Test
  void anInterruptedCallerStillWaitsAndKeepsItsInterrupt() throws Exception {
    Background<String> work = Background.start("hop-test", () -> {
      sleep(200);
      return "done";
    });
    Thread.currentThread().interrupt();

    assertThat(work.await()).isEqualTo("done");
    assertThat(work.isDone()).isTrue();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void theWorkRunsWithTheCallersContextClassLoader() throws Exception {
    ClassLoader mine = new ClassLoader(getClass().getClassLoader()) { };
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(mine);
    try {
      Background<ClassLoader> work = Background.start("hop-test", () -> Thread.currentThread().getContextClassLoader());
      assertThat(work.await()).isSameAs(mine);
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
