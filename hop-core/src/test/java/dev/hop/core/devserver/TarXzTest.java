package dev.hop.core.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TarXzTest {
  @TempDir Path dir;

  @Test
  void modesBecomePermissions() {
    assertThat(PosixFilePermissions.toString(TarXz.permissions(0755))).isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(TarXz.permissions(0640))).isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(TarXz.permissions(0))).isEqualTo("r--------");
  }

  @Test
  void extractsFilesWithModesAndSymbolicLinks() throws IOException {
    byte[] txz = txz(tar -> {
      file(tar, "bin/initdb", "#!/bin/sh\n", 0755);
      TarArchiveEntry link = new TarArchiveEntry("lib/libpq.so", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("libpq.so.5");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      file(tar, "lib/libpq.so.5", "elf", 0644);
    });

    assertThat(TarXz.extract(new ByteArrayInputStream(txz), dir)).isEqualTo(3);
    assertThat(Files.isExecutable(dir.resolve("bin/initdb"))).isTrue();
    assertThat(Files.readSymbolicLink(dir.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5"));
    assertThat(Files.readString(dir.resolve("lib/libpq.so"))).isEqualTo("elf");
  }

  @Test
  void refusesEntriesOutsideTheFolder() throws IOException {
    byte[] txz = txz(tar -> file(tar, "../evil", "x", 0644));

    assertThatThrownBy(() -> TarXz.extract(new ByteArrayInputStream(txz), dir.resolve("in")))
        .hasMessageContaining("../evil points outside");
    assertThat(dir.resolve("evil")).doesNotExist();
  }

  private interface Writer {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private static byte[] txz(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
      writer.write(tar);
    }
    return bytes.toByteArray();
  }

  private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    entry.setMode(0100000 | mode);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
