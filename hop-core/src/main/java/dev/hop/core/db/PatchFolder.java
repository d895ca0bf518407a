package dev.hop.core.db;

import dev.hop.core.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a Java script runs in: the patch's own folder in the working tree, or a temporary copy of the
 * patch's files (read from Git) that {@link #close()} deletes.
 */
final class PatchFolder implements AutoCloseable {

  private final Path path;
  private final boolean temporary;

  private PatchFolder(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  static PatchFolder of(Optional<Path> workingTree, Map<String, byte[]> files) throws ProjectFileException {
    if (workingTree.isPresent()) {
      return new PatchFolder(workingTree.get(), false);
    }
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
      return new PatchFolder(dir, true);
    } catch (IOException e) {
      throw new ProjectFileException("write a temporary copy of the patch to", dir == null ? Path.of("tmp") : dir, e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    if (!temporary) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
