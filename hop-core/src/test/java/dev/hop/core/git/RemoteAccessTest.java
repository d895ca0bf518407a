package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteAccessTest {
  @TempDir
  Path dir;

  @Test
  void aProgramIsTheFirstExecutableOfThatNameOnThePathWhateverElseThePathHolds() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("git-upload-pack"), "not executable");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path program = Files.writeString(bin.resolve("git-upload-pack"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = String.join(java.io.File.pathSeparator, "", "bad\0entry", dir.resolve("missing").toString(),
        plain.toString(), bin.toString());

    assertThat(RemoteAccess.onPath(new GitEnvironment(dir, Map.of("PATH", path)), "git-upload-pack"))
        .contains(program.toAbsolutePath());
    assertThat(RemoteAccess.onPath(new GitEnvironment(dir, Map.of("PATH", plain.toString())), "git-upload-pack"))
        .isEmpty();
    assertThat(RemoteAccess.onPath(new GitEnvironment(dir, Map.of()), "git-upload-pack")).isEmpty();
  }
}
