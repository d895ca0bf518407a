package dev.hop.core.git;

import dev.hop.core.base.HopSettings.GitCredentials;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How hop reaches origin: SSH through JGit's Apache MINA transport with the user's {@code ~/.ssh} keys,
 * config and known_hosts, and the keys of a running ssh-agent; HTTPS with the first credentials
 * found by {@link HttpsCredentials}; an origin on disk through Git's own {@code git-upload-pack} when it is on the
 * PATH (JGit then speaks protocol v2 to it, so a fetch of some refs is told only of those, where JGit's in-process
 * server lists every ref of the repository), else in process; pushes to it through Git's own
 * {@code git-receive-pack}, which runs the repository's hooks, when it is on the PATH.
 */
public final class RemoteAccess implements AutoCloseable {
  /** The upload-pack JGit answers in process unless it is told otherwise. */
  private static final String DEFAULT_UPLOAD_PACK = "git-upload-pack";
  /** The receive-pack JGit answers in process unless it is told otherwise. */
  private static final String DEFAULT_RECEIVE_PACK = "git-receive-pack";

  private final GitEnvironment environment;
  private final HttpsCredentials https;
  private final KnownHostsPolicy knownHosts;
  private SshdSessionFactory ssh;
  private Optional<Path> uploadPack;
  private Optional<Path> gitProgram;
  private boolean forkedLocal;

  private RemoteAccess(GitCredentials credentials, GitEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.https = new HttpsCredentials(Objects.requireNonNull(credentials, "credentials"), environment);
    this.knownHosts = new KnownHostsPolicy(environment.home());
  }

  /** Access with the settings.xml credentials (or {@link GitCredentials#NONE}) and the user's environment. */
  public static RemoteAccess of(GitCredentials credentials, GitEnvironment environment) {
    return new RemoteAccess(credentials, environment);
  }

  /** Access for local ({@code file:}) remotes only: no credentials, an empty environment. */
  public static RemoteAccess localOnly() {
    return new RemoteAccess(GitCredentials.NONE, new GitEnvironment(Path.of("/nonexistent"), Map.of()));
  }

  /** Gives a transport the SSH session factory and the HTTPS credentials. */
  void configure(Transport transport) {
    if (transport instanceof SshTransport sshTransport) {
      // keys only: the HTTPS password must never be offered to an SSH server
      sshTransport.setSshSessionFactory(ssh());
      return;
    }
    transport.setCredentialsProvider(https);
    forkedLocal = false;
    if (onDisk(transport) && DEFAULT_UPLOAD_PACK.equals(transport.getOptionUploadPack())) {
      uploadPack().ifPresent(path -> {
        transport.setOptionUploadPack(path.toString());
        forkedLocal = true;
      });
    }
    if (onDisk(transport) && DEFAULT_RECEIVE_PACK.equals(transport.getOptionReceivePack())) {
      // Git's own receive-pack runs the repository's hooks (pre-receive, update), which JGit's in-process one does
      // not: a team that guards ho-prod with a hook is obeyed by hop as by git push. No fallback: a push without the
      // hooks is the very thing to avoid.
      onPath(environment, DEFAULT_RECEIVE_PACK).ifPresent(path -> transport.setOptionReceivePack(path.toString()));
    }
  }

  /** Whether the transport reaches a repository on disk (a path or a {@code file:} URL). */
  private static boolean onDisk(Transport transport) {
    String scheme = transport.getURI().getScheme();
    return (scheme == null || scheme.equals("file")) && transport.getURI().getHost() == null;
  }

  /**
   * After a failed fetch or listing: when it went through Git's {@code git-upload-pack} (which may refuse a
   * repository JGit reads, e.g. one owned by another user, see {@code safe.directory}), the next ones stay in
   * process, and the caller may try again.
   *
   * @return whether the caller should try again
   */
  boolean stopForkingLocal() {
    boolean retry = forkedLocal;
    forkedLocal = false;
    uploadPack = Optional.empty();
    return retry;
  }

  /** Git's own {@code git} on the PATH, looked for once: {@link WorkTreeCheck} reads the status through it. */
  synchronized Optional<Path> gitProgram() {
    if (gitProgram == null) {
      gitProgram = onPath(environment, "git");
    }
    return gitProgram;
  }

  /** {@code git-upload-pack} on the PATH, looked for once. */
  private Optional<Path> uploadPack() {
    if (uploadPack == null) {
      uploadPack = onPath(environment, "git-upload-pack");
    }
    return uploadPack;
  }

  /** The first executable {@code program} in the folders of the environment's PATH. */
  static Optional<Path> onPath(GitEnvironment environment, String program) {
    Optional<String> path = environment.variable("PATH");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    for (String dir : path.get().split(java.io.File.pathSeparator)) {
      try {
        Path candidate = Path.of(dir).resolve(program);
        if (!dir.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      } catch (InvalidPathException e) {
        // an entry that is no path here (quoted, or of another OS): skipped, like a missing folder
      }
    }
    return Optional.empty();
  }

  /** The HTTPS credential sources consulted on the last request, names and outcome only. */
  List<String> httpsSourcesConsulted() {
    return https.consulted();
  }

  /** The default SSH key files of the user's {@code ~/.ssh}, with whether each can be offered. */
  List<SshKeyFiles.KeyFile> sshKeys() {
    return SshKeyFiles.in(environment.sshDirectory());
  }

  /** Whether an ssh-agent is named by the environment ({@code SSH_AUTH_SOCK}). */
  boolean sshAgent() {
    return environment.variable("SSH_AUTH_SOCK").isPresent();
  }

  /** The SSH credentials hop could offer, for failure messages (file names, never contents). */
  List<String> sshSourcesConsulted() {
    List<String> sources = new ArrayList<>();
    for (SshKeyFiles.KeyFile key : sshKeys()) {
      sources.add(key.display());
    }
    if (sources.isEmpty()) {
      sources.add("~/.ssh (no default key: " + String.join(", ", SshKeyFiles.DEFAULT_NAMES) + ")");
    }
    sources.add("IdentityFile entries of ~/.ssh/config");
    sources.add("ssh-agent (" + (sshAgent() ? "SSH_AUTH_SOCK set" : "SSH_AUTH_SOCK not set") + ")");
    return sources;
  }

  /** The last host key the SSH transport refused, if any (taken once). */
  Optional<KnownHostsPolicy.Refusal> takeHostKeyRefusal() {
    return knownHosts.takeRefusal();
  }

  private synchronized SshdSessionFactory ssh() {
    if (ssh == null) {
      ssh = new SshdSessionFactoryBuilder()
          .setHomeDirectory(environment.home().toFile())
          .setSshDirectory(environment.sshDirectory().toFile())
          .setServerKeyDatabase((home, sshDir) -> knownHosts)
          .setConnectorFactory(new AgentConnectors(environment))
          .build(new JGitKeyCache());
    }
    return ssh;
  }

  /** Stops the SSH client, if one was started. */
  @Override
  public synchronized void close() {
    if (ssh != null) {
      ssh.close();
      ssh = null;
    }
  }
}
