package dev.hop.core.db;

import dev.hop.core.errors.PgToolException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a PostgreSQL client tool ({@code pg_dump}, {@code pg_restore}): in {@code pgBin} when
 * configured, else on the PATH, then in {@code /usr/lib/postgresql/*}{@code /bin} and {@code /usr/pgsql-*}{@code /bin}
 * (newest first), taking the first whose major version is not older than the server's; Debian's wrapper links are
 * tried last, as the versioned tools they would run come first.
 */
public final class PgTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
  private static final Pattern NUMBERED = Pattern.compile("\\d+");

  private final Optional<Path> pgBin;
  private final List<Path> searchPath;

  /**
   * @param pgBin the configured folder, searched alone when present
   * @param searchPath the folders to search otherwise, in order
   */
  PgTools(Optional<Path> pgBin, List<Path> searchPath) {
    this.pgBin = pgBin;
    this.searchPath = List.copyOf(searchPath);
  }

  /** The tools of {@code pgBin}, or of PATH and the usual install folders of this machine. */
  public static PgTools of(Optional<Path> pgBin) {
    List<Path> folders = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          folders.add(Path.of(entry));
        }
      }
    }
    folders.addAll(versionedBins(Path.of("/usr/lib/postgresql"), "", "bin"));
    folders.addAll(versionedBins(Path.of("/usr"), "pgsql-", "bin"));
    return new PgTools(pgBin, folders);
  }

  /**
   * The first {@code tool} whose major version is at least {@code serverMajor}.
   *
   * @throws PgToolException NOT_FOUND when there is none, TOO_OLD (naming both versions) when all are older
   */
  public Path locate(String tool, int serverMajor, String serverVersion) throws PgToolException {
    List<Path> folders = pgBin.map(List::of).orElse(searchPath);
    List<Path> candidates = new ArrayList<>();
    for (Path folder : folders) {
      Path candidate = folder.resolve(tool);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        candidates.add(candidate);
      }
    }
    // Debian's pg_wrapper (a perl script behind /usr/bin/pg_dump) runs one of the versioned tools found after it:
    // asking those directly gives the same tool without starting perl for each --version
    candidates.sort(Comparator.comparing(PgTools::isDebianWrapper));
    Path oldest = null;
    String oldestVersion = null;
    for (Path candidate : candidates) {
      Optional<int[]> version = version(candidate);
      if (version.isPresent() && version.get()[0] >= serverMajor) {
        return candidate;
      }
      if (oldest == null && version.isPresent()) {
        oldest = candidate;
        oldestVersion = version.get()[0] + "." + version.get()[1];
      }
    }
    if (oldest != null) {
      throw PgToolException.tooOld(tool, oldest, oldestVersion, serverVersion);
    }
    throw PgToolException.notFound(tool, folders);
  }

  /** Whether {@code tool} is a link to Debian's {@code pg_wrapper}, which picks a versioned tool itself. */
  static boolean isDebianWrapper(Path tool) {
    try {
      return Files.isSymbolicLink(tool) && tool.toRealPath().getFileName().toString().equals("pg_wrapper");
    } catch (IOException e) {
      return false;
    }
  }

  /** {major, minor} from {@code tool --version}, empty when it does not answer like a PostgreSQL tool. */
  static Optional<int[]> version(Path tool) {
    try {
      Process p = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(out);
      return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2))}) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code root/<prefix><number>/<bin>} folders, highest number first. */
  static List<Path> versionedBins(Path root, String prefix, String bin) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, prefix + "*")) {
      for (Path dir : dirs) {
        String rest = dir.getFileName().toString().substring(prefix.length());
        if (NUMBERED.matcher(rest).matches()) {
          found.add(dir.resolve(bin));
        }
      }
    } catch (IOException e) {
      return found;
    }
    found.sort(Comparator.comparingInt((Path p) -> Integer.parseInt(
        p.getParent().getFileName().toString().substring(prefix.length()))).reversed());
    return found;
  }
}
