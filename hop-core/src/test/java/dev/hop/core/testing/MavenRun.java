package dev.hop.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs real Maven, as a user would, on a scenario project: hop's artifacts come from the build's own
 * integration-test repository ({@code target/local-repo}, filled by {@code invoker:install}) and the
 * rest from the user's repository (as a file:// repository, through the settings template).
 *
 * <p>The failsafe configuration of the module running the scenario sets the system properties it reads:
 * {@code maven.home}, {@code hop.it.localRepository}, {@code hop.it.userRepository},
 * {@code hop.it.settingsTemplate} (a settings.xml with {@code @localRepositoryUrl@}) and
 * {@code hop.it.pluginVersion}.
 */
public final class MavenRun {

  /** What one Maven run did: its exit code and its whole log. */
  public record Result(int exitCode, List<String> lines) {

    /** The whole log, one line per line. */
    public String log() {
      return String.join("\n", lines);
    }

    /** Whether Maven exited with 0. */
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The lines Maven printed at INFO level, without the {@code [INFO] } prefix. */
    public List<String> info() {
      return lines.stream().filter(l -> l.startsWith("[INFO] ")).map(l -> l.substring(7)).toList();
    }
  }

  private final Path settings;
  private final Map<String, String> environment;

  private MavenRun(Path settings, Map<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
  }

  /**
   * A runner for this build; {@code environment} is added to Maven's (for example an isolated HOME
   * for git).
   */
  public static MavenRun forThisBuild(Path workDir, Map<String, String> environment) throws IOException {
    String userRepository = required("hop.it.userRepository");
    Path settings = workDir.resolve("it-settings.xml");
    String template = Files.readString(Path.of(required("hop.it.settingsTemplate")), StandardCharsets.UTF_8);
    Files.writeString(settings, template.replace("@localRepositoryUrl@", new File(userRepository).toURI().toString()),
        StandardCharsets.UTF_8);
    return new MavenRun(settings, Map.copyOf(environment));
  }

  /** The settings.xml this runner gives Maven (the build's repositories, see {@link #forThisBuild}). */
  public Path settingsFile() {
    return settings;
  }

  /** The local repository the runs use: the build's integration-test repository, holding hop under test. */
  public static Path localRepository() {
    return Path.of(required("hop.it.localRepository"));
  }

  /** The Maven installation running this build ({@code maven.home}). */
  public static Path mavenHome() {
    return Path.of(required("maven.home"));
  }

  /** The coordinates prefix of the plugin under test, {@code dev.hop:hop-maven-plugin:<version>:}. */
  public static String plugin() {
    return "dev.hop:hop-maven-plugin:" + required("hop.it.pluginVersion") + ":";
  }

  /** The version of hop under test (plugin, archetype and core share it). */
  public static String pluginVersion() {
    return required("hop.it.pluginVersion");
  }

  /** Runs {@code goals} (e.g. {@code hop:status}) in {@code project} with the given user properties. */
  public Result run(Path project, Properties properties, String... goals) throws MavenInvocationException {
    return execute(new DefaultInvocationRequest().setBaseDirectory(project.toFile())
        .setPomFile(project.resolve("pom.xml").toFile()), properties, goals);
  }

  /**
   * Runs {@code goals} in {@code dir}, a folder without a pom (goals with {@code requiresProject = false}, spelled
   * with the full coordinates of {@link #plugin()}).
   */
  public Result runWithoutProject(Path dir, Properties properties, String... goals) throws MavenInvocationException {
    return execute(new DefaultInvocationRequest().setBaseDirectory(dir.toFile()), properties, goals);
  }

  private Result execute(InvocationRequest base, Properties properties, String... goals)
      throws MavenInvocationException {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    InvocationRequest request = base
        .setGoals(List.of(goals))
        .setProperties(properties)
        .setBatchMode(true)
        .setLocalRepositoryDirectory(new File(required("hop.it.localRepository")))
        .setUserSettingsFile(settings.toFile())
        .setOutputHandler(lines::add)
        .setErrorHandler(lines::add);
    environment.forEach(request::addShellEnvironment);
    DefaultInvoker invoker = new DefaultInvoker();
    invoker.setMavenHome(new File(required("maven.home")));
    InvocationResult result = invoker.execute(request);
    if (result.getExecutionException() != null) {
      throw new MavenInvocationException("Maven could not be started", result.getExecutionException());
    }
    return new Result(result.getExitCode(), List.copyOf(lines));
  }

  /** The system property {@code property}; fails when unset, as it is outside the build's failsafe run. */
  public static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set: run the ITs through"
          + " Maven (mvn verify), which sets it in the module's failsafe configuration");
    }
    return value;
  }
}
