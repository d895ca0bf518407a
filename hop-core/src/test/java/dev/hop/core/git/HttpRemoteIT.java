package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopSettings.GitCredentials;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.GitAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The remote scenarios over smart HTTP with basic authentication, and the credential sources. */
class HttpRemoteIT extends RemoteScenarios {
  private static final String PASSWORD = "s3cret-token";

  private HttpGitServer server;

  @Override
  String startServer(Path root) throws Exception {
    server = new HttpGitServer(root, "team", PASSWORD);
    return server.url("origin.git");
  }

  @Override
  RemoteAccess access(String developer) {
    return RemoteAccess.of(new GitCredentials(Optional.of("team"), Secret.of(PASSWORD), "server 'git'"),
        new GitEnvironment(dir.resolve("home-" + developer), Map.of()));
  }

  @Override
  void stopServer() {
    server.close();
  }

  private Throwable fetchWith(GitCredentials settings, GitEnvironment environment) throws Exception {
    try (RemoteAccess access = RemoteAccess.of(settings, environment)) {
      return catchThrowable(() -> new OriginSync(git.workspace("alice", access)).fetch());
    }
  }

  @Test
  void wrongPasswordNamesTheSourcesTriedButNotThePassword() throws Exception {
    Throwable e = fetchWith(GitCredentials.NONE, new GitEnvironment(dir.resolve("nohome"),
        Map.of("HOP_GIT_USERNAME", "team", "HOP_GIT_PASSWORD", "wrong-pass")));

    assertThat(e).isInstanceOfSatisfying(GitAccessException.class, a -> {
      assertThat(a.reason()).isEqualTo(GitAccessException.Reason.AUTHENTICATION_FAILED);
      assertThat(a.sourcesTried()).containsExactly("settings.xml server (hop.gitServerId not set)", "~/.netrc (absent)",
          "HOP_GIT_USERNAME/HOP_GIT_PASSWORD (used)");
    }).hasMessageContaining("refused the credentials. Tried: settings.xml server (hop.gitServerId not set),"
        + " ~/.netrc (absent), HOP_GIT_USERNAME/HOP_GIT_PASSWORD (used)");
    assertThat(e.getMessage()).doesNotContain("wrong-pass");
    assertThat(git.events).extracting(HopEvent::message).noneMatch(m -> m.contains("wrong-pass") || m.contains(PASSWORD));
  }

  @Test
  void noCredentialsAtAllIsAnAuthenticationFailure() throws Exception {
    Throwable e = fetchWith(GitCredentials.NONE, new GitEnvironment(dir.resolve("nohome"), Map.of()));

    assertThat(e).isInstanceOf(GitAccessException.class)
        .hasMessageContaining("HOP_GIT_USERNAME/HOP_GIT_PASSWORD (not set)");
  }

  @Test
  void netrcIsUsedWhenSettingsHaveNone() throws Exception {
    Path home = Files.createDirectories(dir.resolve("netrc-home"));
    Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login team password " + PASSWORD + "\n");

    assertThat(fetchWith(GitCredentials.NONE, new GitEnvironment(home, Map.of("HOP_GIT_USERNAME", "x",
        "HOP_GIT_PASSWORD", "wrong")))).isNull();
  }

  @Test
  void settingsWinOverTheEnvironment() throws Exception {
    assertThat(fetchWith(new GitCredentials(Optional.of("team"), Secret.of(PASSWORD), "server 'git'"),
        new GitEnvironment(dir.resolve("nohome"), Map.of("HOP_GIT_USERNAME", "x", "HOP_GIT_PASSWORD", "y")))).isNull();
  }
}
