package dev.hop.core.git;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * Lets JGit's SSH client ask a running ssh-agent for keys over its Unix domain socket ({@code SSH_AUTH_SOCK}
 * from the injected environment, or {@code IdentityAgent} of {@code ~/.ssh/config}), with the JDK's own Unix
 * socket support (JGit's JNA-based agent artifact is not published for 7.8.1).
 */
final class AgentConnectors implements ConnectorFactory {
  private static final String SOCKET_VARIABLE = "SSH_AUTH_SOCK";
  private static final ConnectorDescriptor DEFAULT = new ConnectorDescriptor() {
    @Override
    public String getIdentityAgent() {
      return SOCKET_VARIABLE;
    }

    @Override
    public String getDisplayName() {
      return "ssh-agent (" + SOCKET_VARIABLE + ")";
    }
  };

  private final GitEnvironment environment;

  AgentConnectors(GitEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Connector create(String identityAgent, File homeDir) {
    return new SocketConnector(socket(identityAgent));
  }

  /** The agent's socket: {@code SSH_AUTH_SOCK}, a {@code $VARIABLE}, or a path (with {@code ~/}). */
  private Optional<Path> socket(String identityAgent) {
    String name = identityAgent == null || identityAgent.isEmpty() ? SOCKET_VARIABLE : identityAgent;
    if (name.equals(SOCKET_VARIABLE) || name.startsWith("$")) {
      return environment.variable(name.replaceFirst("^\\$\\{?", "").replaceFirst("}$", "")).map(Path::of);
    }
    return Optional.of(name.startsWith("~/") ? environment.home().resolve(name.substring(2)) : Path.of(name));
  }

  @Override
  public boolean isSupported() {
    return true;
  }

  @Override
  public String getName() {
    return "hop-unix-socket";
  }

  @Override
  public Collection<ConnectorDescriptor> getSupportedConnectors() {
    return List.of(DEFAULT);
  }

  @Override
  public ConnectorDescriptor getDefaultConnector() {
    return DEFAULT;
  }

  /** One connection to the agent: a request is its length, command and body; the answer its length and body. */
  private static final class SocketConnector extends AbstractConnector {
    private final Optional<Path> socket;
    private SocketChannel channel;

    SocketConnector(Optional<Path> socket) {
      this.socket = socket;
    }

    @Override
    public synchronized boolean connect() throws IOException {
      if (channel != null) {
        return true;
      }
      if (socket.isEmpty() || !Files.exists(socket.get())) {
        return false;
      }
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket.get()));
      return true;
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
      if (channel == null) {
        throw new IOException("ssh-agent is not connected");
      }
      prepareMessage(command, message);
      ByteBuffer request = ByteBuffer.wrap(message);
      while (request.hasRemaining()) {
        channel.write(request);
      }
      byte[] length = read(4);
      return read(toLength(command, length));
    }

    private byte[] read(int size) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(size);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("ssh-agent closed the connection");
        }
      }
      return buffer.array();
    }

    @Override
    public synchronized void close() throws IOException {
      if (channel != null) {
        channel.close();
        channel = null;
      }
    }
  }
}
