package dev.hop.core.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of the user's environment that reaching origin depends on: the home folder ({@code ~/.ssh},
 * {@code ~/.netrc}) and the environment variables ({@code HOP_GIT_USERNAME}, {@code HOP_GIT_PASSWORD},
 * {@code SSH_AUTH_SOCK}); built by the caller so tests can point it anywhere.
 *
 * @param home the user's home folder
 * @param variables the environment variables
 */
public record GitEnvironment(Path home, Map<String, String> variables) {
  public static final String USERNAME_VARIABLE = "HOP_GIT_USERNAME";
  public static final String PASSWORD_VARIABLE = "HOP_GIT_PASSWORD";

  public GitEnvironment {
    Objects.requireNonNull(home, "home");
    variables = Map.copyOf(variables);
  }

  /** The environment of this process (for the Maven plugin; core itself never reads it). */
  public static GitEnvironment ofProcess() {
    return new GitEnvironment(Path.of(System.getProperty("user.home")), System.getenv());
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
  }

  public Path sshDirectory() {
    return home.resolve(".ssh");
  }

  public Path netrc() {
    return home.resolve(".netrc");
  }
}
