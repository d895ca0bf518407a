package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopSettings.GitCredentials;
import dev.hop.core.errors.GitAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
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
    KeyPair key = server.prepareHome(home, true);
    server.authorize(key.getPublic());
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
  void keyFromSshAgentIsUsed() throws Exception {
    Path keys = dir.resolve("agent-keys");
    KeyPair key = server.prepareHome(keys, true);
    server.authorize(key.getPublic());
    Path home = Files.createDirectories(dir.resolve("home-agent/.ssh")).getParent();
    Files.copy(keys.resolve(".ssh/known_hosts"), home.resolve(".ssh/known_hosts"));
    Path socket = dir.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
    try {
      for (int i = 0; i < 50 && !Files.exists(socket); i++) {
        Thread.sleep(100);
      }
      Files.setPosixFilePermissions(keys.resolve(".ssh/id_ecdsa"), java.nio.file.attribute.PosixFilePermissions
          .fromString("rw-------"));
      ProcessBuilder add = new ProcessBuilder("ssh-add", keys.resolve(".ssh/id_ecdsa").toString()).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      Process added = add.start();
      assertThat(added.waitFor()).as(new String(added.getInputStream().readAllBytes())).isZero();

      try (RemoteAccess access = RemoteAccess.of(GitCredentials.NONE, new GitEnvironment(home,
          Map.of("SSH_AUTH_SOCK", socket.toString())))) {
        new OriginSync(git.workspace("alice", access)).fetch();
      }
    } finally {
      agent.destroy();
    }
  }

  @Test
  void keyTheServerDoesNotKnowIsRefused() throws Exception {
    Path home = dir.resolve("home-stranger");
    server.prepareHome(home, true);

    GitAccessException e = fetchFails(home);

    assertThat(e.reason()).isEqualTo(GitAccessException.Reason.AUTHENTICATION_FAILED);
    assertThat(e.sourcesTried()).contains("~/.ssh/id_ecdsa");
    assertThat(e).hasMessageStartingWith("Cannot fetch from origin: origin (" + server.url("origin.git")
        + ") refused the credentials. Tried: ~/.ssh/id_ecdsa");
  }

  @Test
  void unknownHostKeyIsRefusedWithTheCommandToTrustIt() throws Exception {
    Path home = dir.resolve("home-new");
    server.authorize(server.prepareHome(home, false).getPublic());

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
    server.authorize(server.prepareHome(home, false).getPublic());
    String otherKey = PublicKeyEntry.toString(SshGitServer.newKeyPair().getPublic());
    Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + server.port() + " " + otherKey + "\n");

    GitAccessException e = fetchFails(home);

    assertThat(e.reason()).isEqualTo(GitAccessException.Reason.CHANGED_HOST_KEY);
    assertThat(e).hasMessageContaining("differs from the one in ~/.ssh/known_hosts")
        .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
    assertThat(home.resolve(".ssh/known_hosts")).hasContent("[127.0.0.1]:" + server.port() + " " + otherKey);
  }
}
