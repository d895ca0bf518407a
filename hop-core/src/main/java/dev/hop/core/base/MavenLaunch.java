package dev.hop.core.base;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start Maven for the project's tests the way the running build was started: the same Maven,
 * local repository, settings and offline mode.
 *
 * @param mavenHome the Maven installation ({@code maven.home})
 * @param localRepository the local repository, empty for Maven's default
 * @param userSettings the user settings.xml, empty for Maven's default
 * @param offline whether the fork must stay offline
 */
public record MavenLaunch(Path mavenHome, Optional<Path> localRepository, Optional<Path> userSettings,
    boolean offline) {

  public MavenLaunch {
    Objects.requireNonNull(mavenHome, "mavenHome");
    Objects.requireNonNull(localRepository, "localRepository");
    Objects.requireNonNull(userSettings, "userSettings");
  }
}
