package dev.hop.core.workflow;

import dev.hop.core.errors.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

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
        keepUsualPermissions(tmp, file);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ProjectFileException("write", file, e);
    }
  }

  /**
   * A temporary file is created readable by its owner only; the file it replaces keeps its permissions,
   * and a new file gets its folder's, without the execute bits (a folder 755 gives 644), as a plain
   * write would under the usual umask.
   */
  private static void keepUsualPermissions(Path tmp, Path file) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    if (Files.exists(file)) {
      permissions = Files.getPosixFilePermissions(file);
    } else {
      permissions = EnumSet.noneOf(PosixFilePermission.class);
      permissions.addAll(Files.getPosixFilePermissions(file.getParent()));
      permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE));
    }
    Files.setPosixFilePermissions(tmp, permissions);
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

  /** Points the symbolic link {@code link} at {@code target} (a relative path), replacing what was there. */
  public static void link(Path link, Path target) throws ProjectFileException {
    try {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, target);
    } catch (IOException e) {
      throw new ProjectFileException("point the link", link, e);
    }
  }
}
