package dev.hop.core.base;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a hop command needs to know about the project and its database, built once by the
 * caller (the Maven plugin resolves properties, pom configuration and settings.xml servers into it).
 *
 * @param projectDir the project's root folder (holds {@code Patches/}, {@code releases/}, {@code model/})
 * @param jdbcUrl the database URL, empty when none was configured (development goals then use the
 *     embedded server; production goals refuse)
 * @param database the development database name
 * @param user the database user, empty for the driver's default
 * @param password the database password, masked in every text form
 * @param basePackage the Java package of generated code
 * @param pgBin the folder holding {@code pg_dump}, empty to search for it
 * @param git the credentials for {@code origin} over HTTPS
 * @param maven how to fork Maven for the project's tests (patch-add's validation)
 * @param testTimeout how long the project's tests may run in validation
 * @param lockTimeout the age past which the team lock may be broken
 * @param hints how to spell the next command in messages
 * @param embedded the binaries of the embedded development server, used by development goals when
 *     {@code jdbcUrl} is empty; empty: those goals use {@code localhost:5432}
 * @param branch the branch a CI job checked out, for a detached HEAD ({@code hop.branch}); empty: the CI's variables
 */
public record HopSettings(
    Path projectDir,
    Optional<String> jdbcUrl,
    String database,
    Optional<String> user,
    Secret password,
    String basePackage,
    Optional<Path> pgBin,
    GitCredentials git,
    Optional<MavenLaunch> maven,
    Duration testTimeout,
    Duration lockTimeout,
    CommandHints hints,
    Optional<EmbeddedServer> embedded,
    Optional<String> branch) {

  public HopSettings {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(basePackage, "basePackage");
    Objects.requireNonNull(pgBin, "pgBin");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(maven, "maven");
    Objects.requireNonNull(testTimeout, "testTimeout");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(embedded, "embedded");
    Objects.requireNonNull(branch, "branch");
  }

  /** Settings without an explicit branch: a detached HEAD takes the CI's variables. */
  public HopSettings(Path projectDir, Optional<String> jdbcUrl, String database, Optional<String> user,
      Secret password, String basePackage, Optional<Path> pgBin, GitCredentials git, Optional<MavenLaunch> maven,
      Duration testTimeout, Duration lockTimeout, CommandHints hints, Optional<EmbeddedServer> embedded) {
    this(projectDir, jdbcUrl, database, user, password, basePackage, pgBin, git, maven, testTimeout, lockTimeout,
        hints, embedded, Optional.empty());
  }

  /**
   * HTTPS credentials for the Git remote; both empty when none were configured (hop then falls back
   * to {@code ~/.netrc} and the environment).
   *
   * @param source where they came from, for messages (e.g. {@code settings.xml server 'git'})
   */
  public record GitCredentials(Optional<String> username, Secret password, String source) {
    public static final GitCredentials NONE = new GitCredentials(Optional.empty(), Secret.none(), "none");

    public GitCredentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(source, "source");
    }
  }
}
