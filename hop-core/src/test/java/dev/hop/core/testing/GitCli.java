package dev.hop.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} command line, isolated from the user's and the system's git configuration, so that tests
 * can check what JGit did with the tool users have.
 *
 * <p>The child gets HOME = {@code home}, GIT_CONFIG_GLOBAL = {@code home/.gitconfig}, GIT_CONFIG_NOSYSTEM=1,
 * XDG_CONFIG_HOME = {@code home/.config}, LC_ALL=C, no terminal prompts, a fixed author and committer
 * ({@value #NAME} &lt;{@value #EMAIL}&gt;), and none of the caller's other {@code GIT_*} variables.
 */
public final class GitCli {

  /** Author and committer name of commits made through this CLI. */
  public static final String NAME = "hop test";
  /** Author and committer email of commits made through this CLI. */
  public static final String EMAIL = "hop-test@example.invalid";

  private static final long TIMEOUT_SECONDS = 60;

  private final Map<String, String> environment;

  /** A CLI whose HOME, global and XDG config live under {@code home} (created if missing). */
  public GitCli(Path home) {
    this(home, System.getenv());
  }

  /** As {@link #GitCli(Path)}, starting from {@code inherited} instead of this process's environment. */
  GitCli(Path home, Map<String, String> inherited) {
    Path globalConfig = home.resolve(".gitconfig");
    try {
      Files.createDirectories(home.resolve(".config"));
      if (Files.notExists(globalConfig)) {
        Files.createFile(globalConfig);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a git home in " + home, e);
    }
    Map<String, String> env = new HashMap<>(inherited);
    env.keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("XDG_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("GIT_CONFIG_GLOBAL", globalConfig.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_AUTHOR_NAME", NAME);
    env.put("GIT_AUTHOR_EMAIL", EMAIL);
    env.put("GIT_COMMITTER_NAME", NAME);
    env.put("GIT_COMMITTER_EMAIL", EMAIL);
    env.put("LC_ALL", "C");
    this.environment = Map.copyOf(env);
  }

  /** The exit code and output of one git command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** Runs {@code git args…} in {@code dir} and returns its trimmed stdout; fails with command, exit code, stderr. */
  public String run(Path dir, String... args) {
    Result result = exec(dir, args);
    if (!result.succeeded()) {
      throw new AssertionError(String.join(" ", result.command()) + " in " + dir + " exited with "
          + result.exitCode() + ": " + result.stderr());
    }
    return result.stdout();
  }

  /** Runs {@code git args…} in {@code dir} and returns what happened, whatever the exit code. */
  public Result exec(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String stdout = read(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " in " + dir + " did not finish in "
            + TIMEOUT_SECONDS + " s");
      }
      return new Result(List.copyOf(command), process.exitValue(), stdout.strip(), stderr.join().strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", command) + " in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }

  /** The environment every command gets. */
  public Map<String, String> environment() {
    return environment;
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
