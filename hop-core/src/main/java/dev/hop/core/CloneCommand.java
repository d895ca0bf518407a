package dev.hop.core;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopSettings;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.TemplateRestorer;
import dev.hop.core.devserver.LocalServer;
import dev.hop.core.devserver.RunningServer;
import dev.hop.core.errors.CloneRefusedException;
import dev.hop.core.errors.EmbeddedServerException;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.Cloner;
import dev.hop.core.git.RemoteAccess;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.ProjectPom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Clones a hop project: refuses an existing destination, clones with ho-prod checked out,
 * and creates the development database at the production state (on the clone's own embedded server when no URL is
 * configured); when a later step fails it removes the clone it made (stopping that server first), and it never
 * drops a database hop did not create for development.
 */
public final class CloneCommand extends HopCommand<CloneResult> {
  static final String GOAL = "clone";

  private Optional<String> url = Optional.empty();
  private Optional<Path> dir = Optional.empty();
  private Optional<String> database = Optional.empty();

  CloneCommand(Project project) {
    super(project);
  }

  /** The repository to clone (origin's URL). */
  public CloneCommand setUrl(Optional<String> url) {
    checkCallable();
    this.url = url;
    return this;
  }

  /** The new folder (default: the repository's name in the current folder). */
  public CloneCommand setDirectory(Optional<Path> dir) {
    checkCallable();
    this.dir = dir;
    return this;
  }

  /** The development database name (default: the clone's pom, then its folder name); a JDBC URL's name wins. */
  public CloneCommand setDatabase(Optional<String> database) {
    checkCallable();
    this.database = database;
    return this;
  }

  /**
   * Checks the URL and that the destination is free; the change then clones and creates the development database,
   * failing when the database exists and hop did not create it ({@code DatabaseRefusedException}), or when Git,
   * origin or PostgreSQL fail ({@code HopEnvironmentException}).
   *
   * @throws CloneRefusedException without a URL, or when the destination exists
   */
  @Override
  protected Changes<CloneResult> check() throws HopException {
    HopSettings settings = project.settings();
    String repository = url.orElseThrow(() -> CloneRefusedException.noUrl(settings.hints()));
    Path dest = dir.map(d -> project.dir().resolve(d)).orElse(project.dir().resolve(repositoryName(repository)))
        .toAbsolutePath().normalize();
    if (Files.exists(dest)) {
      throw CloneRefusedException.exists(dest, repository, settings.hints());
    }
    return () -> cloneInto(repository, dest);
  }

  private CloneResult cloneInto(String repository, Path dest) throws HopException {
    try (RemoteAccess access = RemoteAccess.of(project.settings().git(), project.gitEnvironment())) {
      new Cloner(access, project.events()).cloneInto(repository, dest, Project.HO_PROD);
    }
    try {
      return createDatabase(dest);
    } catch (HopException | RuntimeException e) {
      stopEmbeddedServer(dest);
      delete(dest);
      project.events().accept(HopEvent.warn("Removed the clone " + dest + " because the development database"
          + " could not be created"));
      throw e;
    }
  }

  private CloneResult createDatabase(Path dest) throws HopException {
    HopSettings settings = project.settings();
    String name = database.or(() -> ProjectPom.database(dest))
        .orElse(dest.getFileName().toString().replace('-', '_'));
    DatabaseTarget development = developmentTarget(dest, name);
    ProductionState state = ProductionState.read(dest.resolve("model"));
    TemplateRestorer.on(development, settings.hints(), project.events(), settings.hints().command("patch-apply"))
        .restore(development, state.version(), state.schema(), state.metadata());
    return new CloneResult(dest, development.database(), state.version());
  }

  /**
   * Where the clone's development database goes, as for the other development goals: the configured URL, else the
   * clone's own embedded server (its data in the clone's {@code .hop/local/pg}), else {@code localhost:5432}.
   */
  private DatabaseTarget developmentTarget(Path dest, String name) throws HopException {
    HopSettings settings = project.settings();
    if (settings.jdbcUrl().isPresent()) {
      return new DatabaseTarget(settings.jdbcUrl().get(), settings.user(), settings.password());
    }
    if (settings.embedded().isPresent()) {
      RunningServer server = new LocalServer(dest, settings.embedded().get(), project.events()).ensure();
      project.events().accept(HopEvent.lifecycle("Development database: " + name + " on the " + server.describe()
          + " of the clone; stop it with " + settings.hints().command("db-stop") + " in " + dest));
      return new DatabaseTarget(server.jdbcUrl(name), Optional.of(RunningServer.SUPERUSER), server.password());
    }
    return new DatabaseTarget(Project.DEFAULT_SERVER + name, settings.user(), settings.password());
  }

  /** Stops the embedded server a failed clone started in {@code dest}, before the folder goes. */
  private void stopEmbeddedServer(Path dest) {
    Optional<EmbeddedServer> embedded = project.settings().embedded();
    if (embedded.isEmpty() || project.settings().jdbcUrl().isPresent()) {
      return;
    }
    try {
      new LocalServer(dest, embedded.get(), project.events()).stop();
    } catch (EmbeddedServerException e) {
      project.events().accept(HopEvent.warn(e.getMessage()));
    }
  }

  /** {@code https://host/team/shop-db.git} → {@code shop-db}. */
  static String repositoryName(String url) {
    String s = url.replaceAll("[/\\\\]+$", "");
    s = s.substring(Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf('\\'), s.lastIndexOf(':'))) + 1);
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the warning names the folder
    }
  }
}
