package dev.hop.core.db;

import dev.hop.core.errors.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a Java script runs in: the patch's own folder in the working tree, or a temporary copy of the
 * patch's files (read from Git), written on first use only (a patch without a Java script needs none) and deleted
 * by {@link #close()}.
 */
final class PatchFolder implements AutoCloseable {

  private final Optional<Path> workingTree;
  private final Map<String, byte[]> files;
  private Path copy;

  private PatchFolder(Optional<Path> workingTree, Map<String, byte[]> files) {
    this.workingTree = workingTree;
    this.files = files;
  }

  static PatchFolder of(Optional<Path> workingTree, Map<String, byte[]> files) {
    return new PatchFolder(workingTree, files);
  }

  /** The working-tree folder, else the temporary copy (written now if it is not yet). */
  Path path() throws ProjectFileException {
    if (workingTree.isPresent()) {
      return workingTree.get();
    }
    if (copy == null) {
      copy = writeCopy();
    }
    return copy;
  }

  private Path writeCopy() throws ProjectFileException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("hop-patch-");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("file name leaves the patch folder: " + file.getKey());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new ProjectFileException("write a temporary copy of the patch to", dir == null ? Path.of("tmp") : dir, e);
    }
  }

  @Override
  public void close() {
    if (copy == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(copy)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
