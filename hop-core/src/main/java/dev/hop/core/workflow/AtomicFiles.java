package dev.hop.core.workflow;

import dev.hop.core.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a project file whole or not at all: a temporary file beside it, then an atomic move. */
public final class AtomicFiles {

  private AtomicFiles() {
  }

  /** Writes {@code bytes} to {@code file} (folders created). */
  public static void write(Path file, byte[] bytes) throws ProjectFileException {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ProjectFileException("write", file, e);
    }
  }

  /** Writes {@code text} as UTF-8. */
  public static void write(Path file, String text) throws ProjectFileException {
    write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Deletes {@code file} if it exists. */
  public static void delete(Path file) throws ProjectFileException {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ProjectFileException("delete", file, e);
    }
  }
}
