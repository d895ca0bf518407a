package dev.hop.core.release;

import static dev.hop.core.release.ReleasesFixture.ids;
import static dev.hop.core.release.ReleasesFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ReleaseFileException.Reason;
import dev.hop.core.errors.ReleaseFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasesFolderTest {

  @TempDir Path dir;

  @Test
  void readsReleaseFilesAndSkipsEverythingElse() throws Exception {
    Path releases = Files.createDirectory(dir.resolve("releases"));
    Files.writeString(releases.resolve("README.md"), "# Release files\n\nOne patch id per line.\n");
    Files.writeString(releases.resolve("notes.txt"), "not_a_patch\n");
    Files.writeString(releases.resolve("1.0.0.txt"), "1-init\n2\n");
    Files.writeString(releases.resolve("1.0.1-stage.txt"), "# added since 1.0.0\n3-users\n");
    Files.createDirectory(releases.resolve("1.1.0-stage.txt"));

    Releases r = ReleasesFolder.load(releases, CommandHints.NEUTRAL);

    assertThat(r.names()).containsExactly(name("1.0.0"), name("1.0.1-stage"));
    assertThat(r.patches(name("1.0.0"))).containsExactlyElementsOf(ids("1-init 2"));
    assertThat(r.patches(name("1.0.1-stage"))).containsExactlyElementsOf(ids("3-users"));
  }

  @Test
  void aMissingFolderHoldsNoRelease() throws Exception {
    Releases r = ReleasesFolder.load(dir.resolve("releases"), CommandHints.NEUTRAL);

    assertThat(r.names()).isEmpty();
    assertThat(r.productionVersion()).isEqualTo(Version.ZERO);
  }

  @Test
  void aBadLineIsRefusedWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve("1.0.1-stage.txt"), "3-users\n\n4_orders\n");

    assertThatThrownBy(() -> ReleasesFolder.load(dir, CommandHints.NEUTRAL))
        .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
          assertThat(e.fileName()).isEqualTo("1.0.1-stage.txt");
          assertThat(e.line()).isEqualTo(3);
        })
        .hasMessageContaining("releases/1.0.1-stage.txt, line 3");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws Exception {
    Files.write(dir.resolve("1.0.0.txt"), new byte[] {'1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});

    assertThatThrownBy(() -> ReleasesFolder.load(dir, CommandHints.NEUTRAL))
        .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_UTF8);
          assertThat(e.fileName()).isEqualTo("1.0.0.txt");
        })
        .hasMessageContaining("releases/1.0.0.txt: it is not valid UTF-8");
  }

  @Test
  void readsUtf8WithAByteOrderMark() throws Exception {
    Files.write(dir.resolve("1.0.0.txt"), "\uFEFF1\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ReleasesFolder.load(dir, CommandHints.NEUTRAL).patches(name("1.0.0"))).containsExactlyElementsOf(ids("1"));
  }
}
