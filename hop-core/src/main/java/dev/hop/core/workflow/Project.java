package dev.hop.core.workflow;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.HopSettings;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.devserver.LocalServer;
import dev.hop.core.devserver.RunningServer;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.CiBranch;
import dev.hop.core.git.GitCatFile;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.RemoteAccess;
import dev.hop.core.git.TreeReader;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Releases;
import dev.hop.core.release.ReleasesFolder;
import dev.hop.core.validate.MavenTestRunner;
import dev.hop.core.validate.TestRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The project a goal works on: its folders, its Git repository, its release files and its
 * development database, opened lazily and closed together.
 */
public final class Project implements AutoCloseable {
  /** The production branch. */
  public static final String HO_PROD = "ho-prod";
  /** The server a development database lives on when no URL is configured. */
  public static final String DEFAULT_SERVER = "jdbc:postgresql://localhost:5432/";
  /** The folder of the patches, as Git names it. */
  public static final String PATCHES = "Patches";
  /** The folder of the release files, as Git names it. */
  public static final String RELEASES = "releases";

  private final HopSettings settings;
  private final HopEvents events;
  private final Clock clock;
  private final GitEnvironment gitEnvironment;
  private final Optional<TestRunner> testRunner;
  private GitWorkspace git;
  private Background<?> gitWork;
  private GitWorkspace opened;
  private Optional<GitCatFile> catFile;
  private DatabaseTarget development;

  /**
   * @param testRunner how validation runs the project's tests; empty: by forking Maven as {@code settings} say
   */
  public Project(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment,
      Optional<TestRunner> testRunner) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.gitEnvironment = Objects.requireNonNull(gitEnvironment, "gitEnvironment");
    this.testRunner = Objects.requireNonNull(testRunner, "testRunner");
  }

  public HopSettings settings() {
    return settings;
  }

  public HopEvents events() {
    return events;
  }

  public Clock clock() {
    return clock;
  }

  /** Where the Git goals read the home folder and the environment from. */
  public GitEnvironment gitEnvironment() {
    return gitEnvironment;
  }

  /**
   * How validation runs the project's tests: the runner the project was opened with, else forked Maven as the
   * settings say; empty when hop was not told how to start Maven.
   */
  public Optional<TestRunner> testRunner() {
    return testRunner.or(() -> settings.maven().map(launch -> new MavenTestRunner(launch, events,
        settings.testTimeout())));
  }

  public Path dir() {
    return settings.projectDir();
  }

  /** {@code Patches/<id>/} in the working tree. */
  public Path patchDir(PatchId id) {
    return dir().resolve(patchFolder(id));
  }

  /** {@code Patches/<id>}, the folder as Git names it. */
  public static String patchFolder(PatchId id) {
    return PATCHES + "/" + id;
  }

  public Path releasesDir() {
    return dir().resolve(RELEASES);
  }

  public Path modelDir() {
    return dir().resolve("model");
  }

  /** The release files as they are in the working tree now. */
  public Releases releases() throws HopException {
    return ReleasesFolder.load(releasesDir(), settings.hints());
  }

  /** Work on the repository that a goal starts early, with {@link #startGit}. */
  @FunctionalInterface
  public interface GitWork<T> {
    T call(GitWorkspace git) throws HopException;
  }

  /**
   * Opens the repository on a thread of its own, then runs {@code first} on it there (a fetch, say), for a goal that
   * has other work to do meanwhile: its files, its database. Opening includes JGit's one-time start-up (loading it,
   * detecting the file system, and finding the system-wide Git configuration, which JGit does by running
   * {@code git --version} and {@code git config --system}). {@link #git()} waits for both and returns the repository
   * opened there, or opens it again to report why it cannot be; {@link Background#await()} gives {@code first}'s
   * result or failure.
   *
   * @throws IllegalStateException when the repository is already open or being opened
   */
  public <T> Background<T> startGit(GitWork<T> first) {
    if (git != null || gitWork != null) {
      throw new IllegalStateException("The repository is already open, or being opened");
    }
    Background<T> work = Background.start("hop-git", () -> {
      opened = open();
      return first.call(opened);
    });
    gitWork = work;
    return work;
  }

  /** The project's repository, opened on first use. */
  public GitWorkspace git() throws HopException {
    if (git == null) {
      joinGitWork();
      git = git == null ? open() : git;
    }
    return git;
  }

  private GitWorkspace open() throws HopException {
    return GitWorkspace.open(dir(), RemoteAccess.of(settings.git(), gitEnvironment), events,
        CiBranch.of(settings.branch(), gitEnvironment));
  }

  /** Waits for the work {@link #startGit} started, and takes over the repository it opened. */
  private void joinGitWork() {
    if (gitWork != null) {
      gitWork.join();
      gitWork = null;
      git = opened;
      opened = null;
    }
  }

  /**
   * The development database: the configured URL (its database name wins over {@code database}), else
   * {@code database} on the project's embedded server (started or reused here), else on
   * {@code localhost:5432}. The first call logs which server it is.
   *
   * @throws HopException the embedded server could not be started
   */
  public DatabaseTarget development() throws HopException {
    if (development == null) {
      if (settings.jdbcUrl().isPresent()) {
        development = new DatabaseTarget(settings.jdbcUrl().get(), settings.user(), settings.password());
        events.accept(HopEvent.lifecycle("Development database: " + development.describe() + " (hop.url)"));
      } else if (settings.embedded().isPresent()) {
        RunningServer server = new LocalServer(dir(), settings.embedded().get(), events).ensure();
        development = new DatabaseTarget(server.jdbcUrl(settings.database()),
            Optional.of(RunningServer.SUPERUSER), server.password());
        events.accept(HopEvent.lifecycle("Development database: " + settings.database() + " on the "
            + server.describe() + "; stop it with " + settings.hints().command("db-stop")));
      } else {
        development = new DatabaseTarget(DEFAULT_SERVER + settings.database(), settings.user(), settings.password());
      }
    }
    return development;
  }

  /**
   * The development database when it can be reached without starting anything: the configured URL, else the
   * project's embedded server if it runs; empty when it does not (a goal that only reads says so instead).
   */
  public Optional<DatabaseTarget> developmentIfRunning() {
    if (settings.jdbcUrl().isPresent()) {
      return Optional.of(new DatabaseTarget(settings.jdbcUrl().get(), settings.user(), settings.password()));
    }
    return LocalServer.runningIn(dir(), events).map(server -> new DatabaseTarget(
        server.jdbcUrl(settings.database()), Optional.of(RunningServer.SUPERUSER), server.password()));
  }

  /**
   * The checked-out branch, read from {@code .git/HEAD} when it names one plainly ({@link GitWorkspace#headBranch}),
   * else by opening the repository (which reports a detached HEAD, or no repository at all).
   */
  public String currentBranch() throws HopException {
    Optional<String> branch = GitWorkspace.headBranch(dir());
    return branch.isPresent() ? branch.get() : git().currentBranch();
  }

  /**
   * The files of {@code folder} at {@code revision}: through Git's own {@code cat-file} when Git is on the PATH
   * ({@link GitCatFile}; a goal that reads Git only this way never loads JGit), else, or when Git cannot tell,
   * through JGit ({@link TreeReader#files}, which also reports a revision that names nothing).
   */
  public SortedMap<String, byte[]> filesAt(String revision, String folder) throws HopException {
    if (catFile == null) {
      catFile = GitCatFile.start(dir(), gitEnvironment);
    }
    Optional<SortedMap<String, byte[]>> files = catFile.flatMap(reader -> reader.files(revision, folder));
    return files.isPresent() ? files.get() : new TreeReader(git()).files(revision, folder);
  }

  /** Closes the repository; work started with {@link #startGit} is waited for, so that no thread outlives the goal. */
  @Override
  public void close() {
    joinGitWork();
    if (catFile != null) {
      catFile.ifPresent(GitCatFile::close);
      catFile = null;
    }
    if (git != null) {
      git.close();
      git = null;
    }
  }
}
