package dev.hop.core.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ProjectFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchFolderTest {

  private static final Map<String, byte[]> FILES = Map.of("01-fill.java", "class Fill {}".getBytes(UTF_8),
      "data/who.txt", "java\n".getBytes(UTF_8));

  @Test
  void aPatchFromGitGetsATemporaryCopyOnFirstAskingWhichCloseDeletes() throws Exception {
    Path copy;
    try (PatchFolder folder = PatchFolder.of(Optional.empty(), FILES)) {
      copy = folder.path();
      assertThat(folder.path()).isEqualTo(copy);
      assertThat(copy.resolve("data/who.txt")).hasContent("java");
      assertThat(copy.resolve("01-fill.java")).hasContent("class Fill {}");
    }
    assertThat(copy).doesNotExist();
  }

  @Test
  void aPatchInTheWorkingTreeRunsInItsOwnFolderWhichIsKept(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("01-fill.java"), "class Fill {}");
    try (PatchFolder folder = PatchFolder.of(Optional.of(dir), FILES)) {
      assertThat(folder.path()).isEqualTo(dir);
    }
    assertThat(dir.resolve("01-fill.java")).exists();
  }

  @Test
  void theCopyIsWrittenOnlyWhenAskedFor() throws Exception {
    Map<String, byte[]> escaping = Map.of("../escape.sql", new byte[0]);
    Set<Path> before = temporaryCopies();
    PatchFolder.of(Optional.empty(), escaping).close();

    assertThat(temporaryCopies()).as("closed without asking: no copy written").isEqualTo(before);
    try (PatchFolder asked = PatchFolder.of(Optional.empty(), escaping)) {
      assertThatThrownBy(asked::path).isInstanceOf(ProjectFileException.class)
          .hasMessageContaining("file name leaves the patch folder");
    }
  }

  private static Set<Path> temporaryCopies() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("hop-patch-")).collect(Collectors.toSet());
    }
  }
}
