package dev.hop.core.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
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
 * {@code git-upload-pack} and {@code git-receive-pack} with JGit, accepting only the registered public keys. Its host
 * key and the users' keys are made by {@code ssh-keygen}, as users have them; it signs and accepts only the
 * algorithms of current OpenSSH servers (no SHA-1 {@code ssh-rsa}: an RSA key must sign with rsa-sha2-256/512).
 */
final class SshGitServer implements AutoCloseable {
  /** The key types tested: ssh-keygen's default, then the others it makes. */
  static final List<String> KEY_TYPES = List.of("ed25519", "ecdsa", "rsa");

  private final SshServer server;
  private final String hostPublicKey;
  private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();

  /** A server with an ed25519 host key, ssh-keygen's default type and GitHub's and GitLab's. */
  SshGitServer(Path repositories) throws Exception {
    this(repositories, "ed25519");
  }

  /** A server with a host key of {@code hostKeyType} ({@code ed25519}, {@code ecdsa}, {@code rsa}). */
  SshGitServer(Path repositories, String hostKeyType) throws Exception {
    Path keyFile = keygen(Files.createTempDirectory("hop-ssh-host-").resolve("ssh_host_" + hostKeyType + "_key"),
        hostKeyType, "");
    hostPublicKey = publicKeyOf(keyFile);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new FileKeyPairProvider(keyFile));
    server.setSignatureFactories(List.of(BuiltinSignatures.ed25519, BuiltinSignatures.nistp256,
        BuiltinSignatures.nistp384, BuiltinSignatures.nistp521, BuiltinSignatures.rsaSHA512,
        BuiltinSignatures.rsaSHA256));
    server.setPublickeyAuthenticator((user, key, session) -> authorized.stream()
        .anyMatch(k -> KeyUtils.compareKeys(k, key)));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new GitCommand(repositories, command));
    server.start();
  }

  /**
   * Makes a key pair with {@code ssh-keygen -t type} into {@code file} and {@code file.pub}, protected by
   * {@code passphrase} (empty for none); returns {@code file}.
   */
  static Path keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
    Files.createDirectories(file.getParent());
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C",
        "hop-test", "-f", file.toString()));
    if (type.equals("rsa")) {
      command.addAll(List.of("-b", "3072"));
    }
    Process keygen = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keygen.waitFor() != 0) {
      throw new IOException("ssh-keygen -t " + type + " failed: " + output);
    }
    return file;
  }

  /** The public key line of the key pair in {@code file} (its {@code .pub}), without the comment. */
  static String publicKeyOf(Path file) throws IOException {
    String[] fields = Files.readString(file.resolveSibling(file.getFileName() + ".pub")).trim().split(" ");
    return fields[0] + " " + fields[1];
  }

  int port() {
    return server.getPort();
  }

  /** {@code ssh://git@127.0.0.1:<port>/<name>}. */
  String url(String name) {
    return "ssh://git@127.0.0.1:" + port() + "/" + name;
  }

  /** Accepts the public key of the key pair in {@code file}. */
  void authorize(Path file) throws IOException, GeneralSecurityException {
    authorized.add(PublicKeyEntry.parsePublicKeyEntry(publicKeyOf(file)).resolvePublicKey(null, null, null));
  }

  /** The known_hosts line that trusts this server. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + hostPublicKey;
  }

  /**
   * Prepares {@code home/.ssh} with a new unprotected key pair made by ssh-keygen, as {@code id_<type>}, and, when
   * {@code trust}, known_hosts listing this server; returns the private key's file.
   */
  Path prepareHome(Path home, boolean trust, String type) throws Exception {
    return prepareHome(home, trust, type, "");
  }

  /** As {@link #prepareHome(Path, boolean, String)}, with the key protected by {@code passphrase}. */
  Path prepareHome(Path home, boolean trust, String type, String passphrase) throws Exception {
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    Path key = keygen(ssh.resolve("id_" + type), type, passphrase);
    if (trust) {
      Files.writeString(ssh.resolve("known_hosts"), knownHostsLine() + "\n", StandardCharsets.UTF_8);
    }
    return key;
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
