package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hop.core.base.HopSettings.GitCredentials;
import dev.hop.core.errors.GitAccessException;
import dev.hop.core.errors.GitOperationException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The keys users have, made by ssh-keygen: a server whose host key is ed25519, ECDSA or RSA, reached with a key of the
 * same type from {@code ~/.ssh} and through ssh-agent; a passphrase-protected key without an agent; and each kind of
 * failure told apart (the server rejecting the key, the server down).
 */
class SshKeysIT {
  static final java.util.List<String> TYPES = SshGitServer.KEY_TYPES;

  @RegisterExtension
  final GitFixture git = new GitFixture();

  private SshGitServer server;
  private Process agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroy();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @FieldSource("TYPES")
  void aKeyOfEachTypeInSshDirectoryReachesAServerWithAHostKeyOfThatType(String type) throws Exception {
    start(type);
    Path home = git.root().resolve("home");
    server.authorize(server.prepareHome(home, true, type));

    fetch(home, Map.of());

    assertThat(git.git("alice", "rev-parse", "origin/ho-prod")).isEqualTo(git.originGit("rev-parse", "ho-prod"));
  }

  @ParameterizedTest
  @FieldSource("TYPES")
  void aKeyOfEachTypeInSshAgentIsUsed(String type) throws Exception {
    start(type);
    Path key = SshGitServer.keygen(git.root().resolve("agent-keys/key"), type, "");
    server.authorize(key);
    Path home = git.root().resolve("home");
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
    Path socket = startAgent(key);

    fetch(home, Map.of("SSH_AUTH_SOCK", socket.toString()));

    assertThat(git.git("alice", "rev-parse", "origin/ho-prod")).isEqualTo(git.originGit("rev-parse", "ho-prod"));
  }

  @Test
  void aPassphraseProtectedKeyWithoutAnAgentIsNamedWithTheCommandThatLoadsIt() throws Exception {
    start("ed25519");
    Path home = git.root().resolve("home");
    server.authorize(server.prepareHome(home, true, "ed25519", "correct horse"));

    Throwable failure = catchThrowable(() -> fetch(home, Map.of()));

    assertThat(failure).isInstanceOfSatisfying(GitAccessException.class,
        e -> assertThat(e.reason()).isEqualTo(GitAccessException.Reason.KEY_LOCKED))
        .hasMessageContaining("~/.ssh/id_ed25519 is protected by a passphrase")
        .hasMessageContaining("ssh-add ~/.ssh/id_ed25519")
        .hasMessageNotContaining("refused the credentials");
  }

  @Test
  void aKeyTheServerRejectsIsTheOnlyCaseOfRefusedCredentials() throws Exception {
    start("ed25519");
    Path home = git.root().resolve("home");
    server.prepareHome(home, true, "ed25519");

    Throwable failure = catchThrowable(() -> fetch(home, Map.of()));

    assertThat(failure).isInstanceOfSatisfying(GitAccessException.class,
        e -> assertThat(e.reason()).isEqualTo(GitAccessException.Reason.AUTHENTICATION_FAILED))
        .hasMessageContaining("refused the credentials. Tried: ~/.ssh/id_ed25519");
  }

  @Test
  void withoutAnyKeyHopSaysItHadNoneToOffer() throws Exception {
    start("ed25519");
    Path home = git.root().resolve("home");
    Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");

    Throwable failure = catchThrowable(() -> fetch(home, Map.of()));

    assertThat(failure).isInstanceOfSatisfying(GitAccessException.class,
        e -> assertThat(e.reason()).isEqualTo(GitAccessException.Reason.NO_CREDENTIALS))
        .hasMessageContaining("hop had no SSH key to offer origin").hasMessageContaining("ssh-keygen -t ed25519")
        .hasMessageNotContaining("refused the credentials");
  }

  @Test
  void aDamagedKeyIsNamedAsOneHopCannotUse() throws Exception {
    start("ed25519");
    Path home = git.root().resolve("home");
    server.authorize(server.prepareHome(home, true, "ed25519"));
    Files.writeString(home.resolve(".ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"
        + "\n-----END OPENSSH PRIVATE KEY-----\n");

    Throwable failure = catchThrowable(() -> fetch(home, Map.of()));

    assertThat(failure).isInstanceOfSatisfying(GitAccessException.class,
        e -> assertThat(e.reason()).isEqualTo(GitAccessException.Reason.KEY_UNUSABLE))
        .hasMessageContaining("hop cannot use ~/.ssh/id_ed25519: ")
        .hasMessageNotContaining("refused the credentials");
  }

  @Test
  void aServerThatIsDownIsNoMatterOfCredentials() throws Exception {
    start("ed25519");
    Path home = git.root().resolve("home");
    server.authorize(server.prepareHome(home, true, "ed25519"));
    server.close();
    server = null;

    Throwable failure = catchThrowable(() -> fetch(home, Map.of()));

    assertThat(failure).isInstanceOf(GitOperationException.class).hasMessageStartingWith("Cannot fetch from origin")
        .hasMessageNotContaining("refused the credentials");
  }

  private void start(String hostKeyType) throws Exception {
    server = new SshGitServer(git.sandbox.root(), hostKeyType);
    git.git("alice", "remote", "set-url", "origin", server.url("origin.git"));
  }

  private void fetch(Path home, Map<String, String> variables) throws Exception {
    try (RemoteAccess access = RemoteAccess.of(GitCredentials.NONE, new GitEnvironment(home, variables))) {
      new OriginSync(git.workspace("alice", access)).fetch();
    }
  }

  /** Starts an ssh-agent on a socket of its own and loads {@code key} into it; returns the socket. */
  private Path startAgent(Path key) throws Exception {
    Path socket = git.root().resolve("agent.sock");
    agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
    for (int i = 0; i < 50 && !Files.exists(socket); i++) {
      Thread.sleep(100);
    }
    ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    add.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process added = add.start();
    String output = new String(added.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(added.waitFor()).as(output).isZero();
    return socket;
  }
}
