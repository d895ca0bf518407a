package dev.hop.core.codegen;

import dev.hop.core.errors.CodegenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes generated files only when their content changes (atomically), deletes stale ones, and counts both. */
final class CodeWriter {

  private final List<Path> written = new ArrayList<>();
  private final List<Path> unchanged = new ArrayList<>();
  private final List<Path> deleted = new ArrayList<>();
  private final Set<Path> folders = new HashSet<>();

  /** The UTF-8 content of {@code path}, or empty when it does not exist. */
  Optional<String> read(Path path) throws CodegenException {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CodegenException.file("read", path, e);
    }
  }

  /** Makes {@code path} hold {@code content}, touching the file only when its bytes differ. */
  void write(Path path, String content) throws CodegenException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(path) && java.util.Arrays.equals(Files.readAllBytes(path), bytes)) {
        unchanged.add(path);
        return;
      }
    } catch (IOException e) {
      throw CodegenException.file("read", path, e);
    }
    write(path, Optional.empty(), content);
  }

  /**
   * Makes {@code path} hold {@code content}, touching the file only when it differs from {@code existing}, what
   * {@link #read} gave for it.
   */
  void write(Path path, Optional<String> existing, String content) throws CodegenException {
    if (existing.isPresent() && existing.get().equals(content)) {
      unchanged.add(path);
      return;
    }
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      Path folder = path.getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
      if (existing.isEmpty() && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        // nothing of the user's to lose: a new file is written in place, in one write
        Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } else {
        replace(path, bytes);
      }
      written.add(path);
    } catch (IOException e) {
      throw CodegenException.file("write", path, e);
    }
  }

  /** Replaces an existing file through a temporary sibling and an atomic move: never half the user's code. */
  private static void replace(Path path, byte[] bytes) throws IOException {
    Path temporary = path.resolveSibling("." + path.getFileName() + ".hop-tmp");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  void delete(Path path) throws CodegenException {
    try {
      Files.delete(path);
      deleted.add(path);
    } catch (IOException e) {
      throw CodegenException.file("delete", path, e);
    }
  }

  CodegenResult result(List<Path> kept, List<Path> merged, List<String> unknownColumns) {
    return new CodegenResult(written, unchanged, deleted, kept, merged, unknownColumns);
  }
}
