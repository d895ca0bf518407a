package dev.hop.core.workflow;

import dev.hop.core.HopEvent;
import dev.hop.core.HopEvents;
import dev.hop.core.devserver.LocalServer;
import dev.hop.core.devserver.RunningServer;
import dev.hop.core.HopException;
import dev.hop.core.HopSettings;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.git.GitStartup;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.RemoteAccess;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Releases;
import dev.hop.core.release.ReleasesFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The project a goal works on: its folders (SPEC §2), its Git repository, its release files and its
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
  private GitWorkspace git;
  private GitStartup gitStartup;
  private DatabaseTarget development;

  public Project(HopSettings settings, HopEvents events, Clock clock, GitEnvironment gitEnvironment) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.gitEnvironment = Objects.requireNonNull(gitEnvironment, "gitEnvironment");
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

  /**
   * Starts JGit's one-time start-up in the background (see {@link GitStartup}), for a goal that has other work to do
   * before it opens the repository; {@link #git()} waits for it.
   */
  public void startGit() {
    if (git == null && gitStartup == null) {
      gitStartup = GitStartup.begin();
    }
  }

  /** The project's repository, opened on first use. */
  public GitWorkspace git() throws HopException {
    if (git == null) {
      if (gitStartup != null) {
        gitStartup.await();
      }
      git = GitWorkspace.open(dir(), RemoteAccess.of(settings.git(), gitEnvironment), events);
    }
    return git;
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

  /** Closes the repository; a JGit start-up still running is waited for, so that no thread outlives the goal. */
  @Override
  public void close() {
    if (gitStartup != null) {
      gitStartup.await();
    }
    if (git != null) {
      git.close();
      git = null;
    }
  }
}
