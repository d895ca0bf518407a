package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that JGit reads only the sandbox's configuration while a reader is installed, and gets its reader back. */
class IsolatedSystemReaderTest {

  @TempDir
  Path dir;

  private SystemReader before;

  @BeforeEach
  void remember() {
    before = SystemReader.getInstance();
  }

  @AfterEach
  void jgitGotItsReaderBack() {
    assertThat(SystemReader.getInstance()).isSameAs(before);
  }

  @Test
  void userConfigComesFromTheSandboxEvenWhenJGitIsToldAnotherHome() throws Exception {
    Path fakeHome = Files.createDirectories(dir.resolve("fake-home"));
    Files.writeString(fakeHome.resolve(".gitconfig"), "[user]\n\tname = Leaked\n", StandardCharsets.UTF_8);
    FS fs = FS.DETECTED.newInstance().setUserHome(fakeHome.toFile());
    assertThat(load(before.openUserConfig(null, fs)).getString("user", null, "name")).as("control").isEqualTo("Leaked");

    try (IsolatedSystemReader reader = IsolatedSystemReader.install(dir.resolve("sandbox"))) {
      assertThat(load(reader.openUserConfig(null, fs)).getString("user", null, "name")).isNull();
      Files.writeString(reader.userConfigFile(), "[user]\n\tname = Sandbox\n", StandardCharsets.UTF_8);
      assertThat(SystemReader.getInstance().getUserConfig().getString("user", null, "name")).isEqualTo("Sandbox");
    }
  }

  @Test
  void everyConfigFileAndVariableIsInTheSandbox() throws Exception {
    try (IsolatedSystemReader reader = IsolatedSystemReader.install(dir.resolve("sandbox"))) {
      Path home = dir.resolve("sandbox/home").toRealPath();
      SystemReader jgit = SystemReader.getInstance();

      assertThat(jgit).isSameAs(reader);
      assertThat(((FileBasedConfig) jgit.getUserConfig()).getFile().toPath()).isEqualTo(home.resolve(".gitconfig"));
      assertThat(((FileBasedConfig) jgit.getSystemConfig()).getFile().toPath())
          .isEqualTo(dir.resolve("sandbox/etc/gitconfig").toRealPath());
      assertThat(((FileBasedConfig) jgit.getJGitConfig()).getFile().toPath())
          .isEqualTo(IsolatedSystemReader.SHARED_JGIT_CONFIG);
      assertThat(jgit.getXdgConfigDirectory(FS.DETECTED)).isEqualTo(home.resolve(".config"));
      assertThat(jgit.getenv("HOME")).isEqualTo(home.toString());
      assertThat(jgit.getProperty("user.home")).isEqualTo(home.toString());
      assertThat(jgit.getenv("GIT_CONFIG_NOSYSTEM")).isEqualTo("1");
      assertThat(jgit.getenv("GIT_DIR")).isNull();
      assertThat(jgit.getenv("PATH")).isEqualTo(System.getenv("PATH"));
    }
  }

  @Test
  void readersNestAndMayCloseOutOfOrder() {
    IsolatedSystemReader outer = IsolatedSystemReader.install(dir.resolve("outer"));
    IsolatedSystemReader inner = IsolatedSystemReader.install(dir.resolve("inner"));
    assertThat(SystemReader.getInstance()).isSameAs(inner);

    outer.close();
    assertThat(SystemReader.getInstance()).isSameAs(inner);
    inner.close();
    assertThat(SystemReader.getInstance()).isSameAs(before);
    inner.close();
    assertThat(SystemReader.getInstance()).isSameAs(before);
  }

  private static FileBasedConfig load(FileBasedConfig config) throws Exception {
    config.load();
    return config;
  }
}
