package dev.hop.core.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH server on 127.0.0.1 (Apache MINA sshd) that serves the bare repositories of one folder to
 * {@code git-upload-pack} and {@code git-receive-pack} with JGit, accepting only the registered public keys.
 */
final class SshGitServer implements AutoCloseable {
  private final SshServer server;
  private final KeyPair hostKey;
  private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();

  SshGitServer(Path repositories) throws IOException, GeneralSecurityException {
    hostKey = newKeyPair();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator((user, key, session) -> authorized.stream()
        .anyMatch(k -> KeyUtils.compareKeys(k, key)));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new GitCommand(repositories, command));
    server.start();
  }

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  int port() {
    return server.getPort();
  }

  /** {@code ssh://git@127.0.0.1:<port>/<name>}. */
  String url(String name) {
    return "ssh://git@127.0.0.1:" + port() + "/" + name;
  }

  void authorize(PublicKey key) {
    authorized.add(key);
  }

  /** The known_hosts line that trusts this server. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /**
   * Prepares {@code home/.ssh} with a new key pair as {@code id_ecdsa} and, when {@code trust}, known_hosts
   * listing this server; returns the key pair.
   */
  KeyPair prepareHome(Path home, boolean trust) throws IOException, GeneralSecurityException {
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    KeyPair user = newKeyPair();
    try (OutputStream out = Files.newOutputStream(ssh.resolve("id_ecdsa"))) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "hop-test", null, out);
    }
    Files.writeString(ssh.resolve("id_ecdsa.pub"), PublicKeyEntry.toString(user.getPublic()) + " hop-test\n");
    if (trust) {
      Files.writeString(ssh.resolve("known_hosts"), knownHostsLine() + "\n", StandardCharsets.UTF_8);
    }
    return user;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** Runs one git-upload-pack or git-receive-pack on a repository of the served folder. */
  private static final class GitCommand implements Command {
    private final Path repositories;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    GitCommand(Path repositories, String command) {
      this.repositories = repositories;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread thread = new Thread(this::serve, "ssh-git " + command);
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      String[] parts = command.split(" ", 2);
      String name = parts.length < 2 ? "" : parts[1].replace("'", "").replaceFirst("^/+", "");
      try (Repository repository = new FileRepositoryBuilder().setGitDir(repositories.resolve(name).toFile())
          .setMustExist(true).build()) {
        switch (parts[0]) {
          case "git-upload-pack" -> new UploadPack(repository).upload(in, out, err);
          case "git-receive-pack" -> new ReceivePack(repository).receive(in, out, err);
          default -> throw new IOException("unsupported command " + command);
        }
        out.flush();
        exit.onExit(0);
      } catch (IOException | RuntimeException e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void destroy(ChannelSession channel) {
      // the serving thread ends with its streams
    }
  }
}
