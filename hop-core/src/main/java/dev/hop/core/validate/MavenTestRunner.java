package dev.hop.core.validate;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.MavenLaunch;
import dev.hop.core.errors.TestRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs {@code mvn -B test} on a project through Maven Invoker, with the running build's Maven, local
 * repository and settings, streams its output as events, and reads Surefire's reports.
 */
public final class MavenTestRunner implements TestRunner {
  private static final String PREFIX = "[tests] ";

  private final MavenLaunch launch;
  private final HopEvents events;
  private final Duration timeout;

  public MavenTestRunner(MavenLaunch launch, HopEvents events, Duration timeout) {
    this.launch = launch;
    this.events = events;
    this.timeout = timeout;
  }

  @Override
  public TestReport run(Path projectDir, TestDatabaseTarget database) throws TestRunException {
    long start = System.nanoTime();
    try {
      deleteOldReports(projectDir);
      InvocationResult result = executeWithin(projectDir, request(projectDir, database));
      if (result.getExecutionException() != null) {
        throw new TestRunException(projectDir, "Could not run the tests of " + projectDir + " with "
            + launch.mavenHome() + ": " + result.getExecutionException().getMessage(),
            result.getExecutionException());
      }
      SurefireReports.Summary summary = SurefireReports.read(SurefireReports.folders(projectDir));
      return new TestReport(summary.run(), summary.failures(), summary.errors(), summary.skipped(),
          summary.failed(), result.getExitCode(), Duration.ofNanos(System.nanoTime() - start));
    } catch (MavenInvocationException | IOException e) {
      throw new TestRunException(projectDir, "Could not run the tests of " + projectDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs Maven, and past the timeout ends it with every process it started (Invoker's own timeout
   * only ends the shell that wraps Maven, leaving Maven and Surefire's JVM running).
   */
  private InvocationResult executeWithin(Path projectDir, InvocationRequest request)
      throws MavenInvocationException, TestRunException {
    DefaultInvoker invoker = new DefaultInvoker();
    invoker.setMavenHome(launch.mavenHome().toFile());
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hop-tests " + projectDir.getFileName());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<InvocationResult> run = executor.submit(() -> invoker.execute(request));
      try {
        return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        endProcessesOf(projectDir);
        run.cancel(false);
        throw new TestRunException(projectDir, "The tests of " + projectDir + " did not finish within the"
            + " timeout of " + describe(timeout) + ": hop ended Maven and the processes it had started."
            + " Look for a test that hangs, or raise hop.testTimeout.", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof MavenInvocationException m) {
          throw m;
        }
        throw new MavenInvocationException(String.valueOf(e.getCause()), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        endProcessesOf(projectDir);
        throw new TestRunException(projectDir, "Interrupted while the tests of " + projectDir + " ran", e);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** Ends, children first, the processes this JVM started for {@code projectDir}. */
  private static void endProcessesOf(Path projectDir) {
    String marker = projectDir.toString();
    List<ProcessHandle> doomed = new ArrayList<>();
    ProcessHandle.current().children()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .forEach(root -> {
          root.descendants().forEach(doomed::add);
          doomed.add(root);
        });
    Collections.reverse(doomed);
    doomed.sort(Comparator.comparingInt(p -> p.parent().isPresent() ? 0 : 1));
    for (ProcessHandle p : doomed) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : doomed) {
      p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
    }
  }

  private static String describe(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  private InvocationRequest request(Path projectDir, TestDatabaseTarget database) {
    Properties properties = new Properties();
    properties.setProperty("hop.url", database.jdbcUrl());
    database.user().ifPresent(user -> properties.setProperty("hop.user", user));
    // the database is ready: the project's hop:dev-db (bound to initialize) has nothing to do, and on a server
    // with a password it could not even log in, the password travelling in the environment only
    properties.setProperty("hop.skip", "true");
    InvocationRequest request = new DefaultInvocationRequest()
        .setBaseDirectory(projectDir.toFile())
        .setPomFile(projectDir.resolve("pom.xml").toFile())
        .setGoals(List.of("test"))
        .setProperties(properties)
        .setBatchMode(true)
        .setOffline(launch.offline())
        .setOutputHandler(line -> events.accept(HopEvent.lifecycle(PREFIX + line)))
        .setErrorHandler(line -> events.accept(HopEvent.lifecycle(PREFIX + line)));
    launch.localRepository().ifPresent(repo -> request.setLocalRepositoryDirectory(repo.toFile()));
    launch.userSettings().ifPresent(settings -> request.setUserSettingsFile(settings.toFile()));
    request.addShellEnvironment("HOP_URL", database.jdbcUrl());
    database.user().ifPresent(user -> request.addShellEnvironment("HOP_USER", user));
    if (database.password().isPresent()) {
      request.addShellEnvironment("HOP_PASSWORD", database.password().reveal());
    }
    return request;
  }

  /** A report left by an earlier run must not count. */
  private static void deleteOldReports(Path projectDir) throws IOException {
    for (Path dir : SurefireReports.folders(projectDir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
