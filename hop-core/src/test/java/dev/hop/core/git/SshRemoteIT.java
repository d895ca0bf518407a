package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopSettings.GitCredentials;
import dev.hop.core.errors.GitAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote scenarios over SSH (JGit's Apache MINA client against an in-process sshd), and SSH refusals. */
class SshRemoteIT extends RemoteScenarios {
  private SshGitServer server;

  @Override
  String startServer(Path root) throws Exception {
    server = new SshGitServer(root);
    return server.url("origin.git");
  }

  @Override
  RemoteAccess access(String developer) throws Exception {
    Path home = dir.resolve("home-" + developer);
    server.authorize(server.prepareHome(home, true, "ed25519"));
    return RemoteAccess.of(GitCredentials.NONE, new GitEnvironment(home, Map.of()));
  }

  @Override
  void stopServer() throws Exception {
    server.close();
  }

  private GitAccessException fetchFails(Path home) throws Exception {
    try (RemoteAccess access = RemoteAccess.of(GitCredentials.NONE, new GitEnvironment(home, Map.of()))) {
      GitWorkspace alice = git.workspace("alice", access);
      GitAccessException e = (GitAccessException) org.assertj.core.api.Assertions.catchThrowable(
          () -> new OriginSync(alice).fetch());
      assertThat(e).isNotNull();
      return e;
    }
  }

  @Test
  void keyTheServerDoesNotKnowIsRefused() throws Exception {
    Path home = dir.resolve("home-stranger");
    server.prepareHome(home, true, "ed25519");

    GitAccessException e = fetchFails(home);

    assertThat(e.reason()).isEqualTo(GitAccessException.Reason.AUTHENTICATION_FAILED);
    assertThat(e.sourcesTried()).contains("~/.ssh/id_ed25519");
    assertThat(e).hasMessageStartingWith("Cannot fetch from origin: origin (" + server.url("origin.git")
        + ") refused the credentials. Tried: ~/.ssh/id_ed25519");
  }

  @Test
  void unknownHostKeyIsRefusedWithTheCommandToTrustIt() throws Exception {
    Path home = dir.resolve("home-new");
    server.authorize(server.prepareHome(home, false, "ed25519"));

    GitAccessException e = fetchFails(home);

    assertThat(e.reason()).isEqualTo(GitAccessException.Reason.UNKNOWN_HOST_KEY);
    assertThat(e.host()).isEqualTo("[127.0.0.1]:" + server.port());
    assertThat(e).hasMessageContaining("the SSH host key of [127.0.0.1]:" + server.port() + " (SHA256:")
        .hasMessageEndingWith("trust it with: ssh-keyscan -p " + server.port() + " 127.0.0.1 >> ~/.ssh/known_hosts");
    assertThat(home.resolve(".ssh/known_hosts")).as("never written").doesNotExist();
  }

  @Test
  void changedHostKeyIsRefused() throws Exception {
    Path home = dir.resolve("home-moved");
    server.authorize(server.prepareHome(home, false, "ed25519"));
    String otherKey = SshGitServer.publicKeyOf(SshGitServer.keygen(dir.resolve("other/key"), "ed25519", ""));
    Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + server.port() + " " + otherKey + "\n");

    GitAccessException e = fetchFails(home);

    assertThat(e.reason()).isEqualTo(GitAccessException.Reason.CHANGED_HOST_KEY);
    assertThat(e).hasMessageContaining("differs from the one in ~/.ssh/known_hosts")
        .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
    assertThat(home.resolve(".ssh/known_hosts")).hasContent("[127.0.0.1]:" + server.port() + " " + otherKey);
  }
}
