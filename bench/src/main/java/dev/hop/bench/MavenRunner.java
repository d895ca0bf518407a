package dev.hop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forks {@code mvn -B} in a project folder, the way a user or CI runs hop, Flyway and jOOQ, and times the whole
 * process (JVM and Maven start-up included, for every side alike).
 */
public final class MavenRunner {

  private final Path mvn;
  private final Path logs;
  private final List<String> common;

  /**
   * @param mavenHome the Maven to fork (the one running the bench), or null for {@code mvn} on the PATH
   * @param logs      folder where each build's output is kept (the last build of each name)
   */
  public MavenRunner(Path mavenHome, Path logs) {
    this(mavenHome, logs, null);
  }

  /**
   * @param settings the settings.xml every fork uses ({@code -s}), e.g. bench/run's, whose local repository holds
   *                 the hop being measured; null for the user's
   */
  public MavenRunner(Path mavenHome, Path logs, Path settings) {
    this.mvn = mavenHome == null ? Path.of("mvn") : mavenHome.resolve("bin").resolve("mvn");
    this.logs = logs;
    this.common = settings == null ? List.of() : List.of("-s", settings.toString());
  }

  /** The command every build starts with: {@code mvn -B --no-transfer-progress} and the settings, if any. */
  public List<String> command() {
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "--no-transfer-progress"));
    command.addAll(common);
    return List.copyOf(command);
  }

  /** A build's time and output. */
  public record Build(Duration time, String output) {}

  /**
   * Runs {@code mvn -B --no-transfer-progress <args>} in {@code dir}; fails with the end of the output unless it
   * succeeds. {@code name} names the log file under the logs folder.
   */
  public Build run(String name, Path dir, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(command());
    command.addAll(args);
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException("mvn " + String.join(" ", masked(args)) + " failed in " + dir + " (exit " + exit
          + "), see " + log + ":\n" + tail(output, 40));
    }
    return new Build(time, output);
  }

  /** The arguments with the value of any {@code -D…password…=} property hidden. */
  static List<String> masked(List<String> args) {
    return args.stream().map(a -> a.startsWith("-D") && a.contains("=")
        && a.substring(0, a.indexOf('=')).toLowerCase(java.util.Locale.ROOT).contains("password")
        ? a.substring(0, a.indexOf('=') + 1) + "******" : a).toList();
  }

  static String tail(String text, int lines) {
    String[] all = text.split("\n", -1);
    int from = Math.max(0, all.length - lines);
    return String.join("\n", List.of(all).subList(from, all.length));
  }
}
