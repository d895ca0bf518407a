package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the isolated git CLI runner, including against a leaky caller environment. */
class GitCliIT {

  @TempDir
  Path dir;

  private Path repo;
  private GitCli git;

  @BeforeEach
  void init() throws IOException {
    repo = Files.createDirectories(dir.resolve("repo"));
    git = new GitCli(dir.resolve("home"));
    git.run(repo, "init", "-q", "-b", "ho-prod");
  }

  @Test
  void runReturnsTrimmedStdout() {
    git.run(repo, "commit", "-q", "--allow-empty", "-m", "[ho] first");

    assertThat(git.run(repo, "log", "-1", "--format=%s|%an|%ae|%cn")).isEqualTo("[ho] first|hop test|"
        + GitCli.EMAIL + "|hop test");
    assertThat(git.run(repo, "rev-parse", "HEAD")).hasSize(40);
  }

  @Test
  void runFailsWithCommandExitCodeAndStderr() {
    assertThatThrownBy(() -> git.run(repo, "rev-parse", "--verify", "no-such-ref"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("git rev-parse --verify no-such-ref in " + repo + " exited with 128: ")
        .hasMessageContaining("fatal: Needed a single revision");
  }

  @Test
  void execReportsFailureWithoutThrowing() {
    GitCli.Result result = git.exec(repo, "config", "--get", "no.such-key");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.command()).containsExactly("git", "config", "--get", "no.such-key");
  }

  @Test
  void ignoresTheConfigurationTheCallersEnvironmentPointsTo() throws Exception {
    Path fakeHome = Files.createDirectories(dir.resolve("fake-home"));
    Files.writeString(fakeHome.resolve(".gitconfig"), "[user]\n\tname = Leaked\n", StandardCharsets.UTF_8);
    Path fakeSystem = Files.writeString(dir.resolve("fake-system-gitconfig"), "[user]\n\tname = LeakedSystem\n");
    Map<String, String> leaky = Map.of("PATH", System.getenv("PATH"), "HOME", fakeHome.toString(),
        "XDG_CONFIG_HOME", fakeHome.resolve(".config").toString(), "GIT_CONFIG_SYSTEM", fakeSystem.toString());
    assertThat(plainGit(leaky, "config", "--global", "--get", "user.name")).as("control run").isEqualTo("Leaked");
    assertThat(plainGit(leaky, "config", "--system", "--get", "user.name")).as("control run").isEqualTo("LeakedSystem");

    GitCli isolated = new GitCli(dir.resolve("isolated-home"), leaky);

    assertThat(isolated.exec(repo, "config", "--get", "user.name").exitCode()).as("no user.name at all").isEqualTo(1);
    isolated.run(repo, "config", "--global", "user.name", "Sandbox");
    assertThat(isolated.run(repo, "config", "--get", "user.name")).isEqualTo("Sandbox");
    assertThat(dir.resolve("isolated-home/.gitconfig")).content().contains("Sandbox");
    assertThat(fakeHome.resolve(".gitconfig")).content().doesNotContain("Sandbox");
  }

  private String plainGit(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(concat("git", args)).directory(repo.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    process.waitFor();
    return out;
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
