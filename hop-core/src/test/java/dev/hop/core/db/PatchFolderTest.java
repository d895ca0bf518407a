package dev.hop.core.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
  void closingWithoutAskingWritesAndDeletesNothing() {
    PatchFolder folder = PatchFolder.of(Optional.empty(), Map.of("../escape.sql", new byte[0]));
    folder.close(); // a copy would have failed on the name leaving the folder: none was written
  }
}
