package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.errors.ReleaseFileException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the release files of a {@code releases/} folder into a {@link Releases} value. */
public final class ReleasesFolder {

  private ReleasesFolder() {}

  /**
   * Reads every regular file of {@code dir} whose name is a release file name (others, such as
   * {@code README.md}, and sub-folders are skipped); a missing folder holds no release.
   *
   * @throws ReleaseFileException when a release file is not UTF-8 or not a list of patch ids
   * @throws ProjectFileException when the folder or a file cannot be read
   */
  public static Releases load(Path dir, CommandHints hints) throws ReleaseFileException, ProjectFileException {
    if (!Files.isDirectory(dir)) {
      return Releases.of(Map.of(), hints);
    }
    Map<String, String> contents = new HashMap<>();
    for (Path file : releaseFiles(dir)) {
      String name = file.getFileName().toString();
      try {
        contents.put(name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (CharacterCodingException e) {
        throw ReleaseFileException.notUtf8(name, e);
      } catch (IOException e) {
        throw new ProjectFileException("read", file, e);
      }
    }
    return Releases.of(contents, hints);
  }

  private static List<Path> releaseFiles(Path dir) throws ProjectFileException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> ReleaseName.parse(p.getFileName().toString()).isPresent())
          .filter(Files::isRegularFile)
          .toList();
    } catch (IOException e) {
      throw new ProjectFileException("list", dir, e);
    }
  }
}
