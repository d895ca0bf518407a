package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave no temporary file and give files the permissions a plain write would. */
class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void aNewFileGetsItsFoldersPermissionsWithoutExecute() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    AtomicFiles.write(dir.resolve("releases/1.0.0-stage.txt"), "1-users\n");
    Files.setPosixFilePermissions(dir.resolve("releases"), PosixFilePermissions.fromString("rwxr-x---"));
    AtomicFiles.write(dir.resolve("releases/1.0.0.txt"), "1-users\n");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("releases/1.0.0-stage.txt"))))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("releases/1.0.0.txt"))))
        .isEqualTo("rw-r-----");
    try (var files = Files.list(dir.resolve("releases"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("1.0.0-stage.txt", "1.0.0.txt");
    }
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws Exception {
    Path file = dir.resolve("schema.txt");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    AtomicFiles.write(file, "new");

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
  }
}
