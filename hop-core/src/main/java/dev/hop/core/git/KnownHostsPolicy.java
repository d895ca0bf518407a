package dev.hop.core.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Accepts an SSH server only when its host key is listed for that host in the known_hosts files that
 * {@code ~/.ssh/config} names (default {@code ~/.ssh/known_hosts}); never adds or replaces a key, and
 * remembers the last refusal so the failure message can say whether the key was unknown or changed.
 */
final class KnownHostsPolicy implements ServerKeyDatabase {
  private static final int DEFAULT_PORT = 22;

  private final Path home;
  private final AtomicReference<Refusal> lastRefusal = new AtomicReference<>();

  KnownHostsPolicy(Path home) {
    this.home = home;
  }

  /**
   * A host key hop refused.
   *
   * @param host the host name as connected to
   * @param port the port
   * @param changed true when known_hosts lists other keys for the host, false when it lists none
   * @param fingerprint the offered key's SHA-256 fingerprint
   */
  record Refusal(String host, int port, boolean changed, String fingerprint) {
    /** {@code host}, or {@code [host]:port} for a port other than 22, as known_hosts writes it. */
    String hostEntry() {
      return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }
  }

  /** Takes (and forgets) the last refusal. */
  Optional<Refusal> takeRefusal() {
    return Optional.ofNullable(lastRefusal.getAndSet(null));
  }

  @Override
  public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    String host = host(connectAddress, remoteAddress);
    int port = remoteAddress.getPort();
    List<PublicKey> keys = new ArrayList<>();
    for (Path file : files(config)) {
      for (KnownHostEntry entry : read(file)) {
        if (entry.getMarker() == null && entry.getKeyEntry() != null && entry.isHostMatch(host, port)) {
          resolve(entry).ifPresent(keys::add);
        }
      }
    }
    return keys;
  }

  @Override
  public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
      Configuration config, CredentialsProvider provider) {
    List<PublicKey> known = lookup(connectAddress, remoteAddress, config);
    for (PublicKey key : known) {
      if (KeyUtils.compareKeys(key, serverKey)) {
        return true;
      }
    }
    lastRefusal.set(new Refusal(host(connectAddress, remoteAddress), remoteAddress.getPort(), !known.isEmpty(),
        KeyUtils.getFingerPrint(serverKey)));
    return false;
  }

  private List<Path> files(Configuration config) {
    Set<Path> files = new LinkedHashSet<>();
    for (List<String> names : java.util.Arrays.asList(config.getUserKnownHostsFiles(),
        config.getGlobalKnownHostsFiles())) {
      if (names != null) {
        names.forEach(name -> files.add(expand(name)));
      }
    }
    if (files.isEmpty()) {
      files.add(home.resolve(".ssh").resolve("known_hosts"));
    }
    return List.copyOf(files);
  }

  private Path expand(String name) {
    return name.startsWith("~/") ? home.resolve(name.substring(2)) : Path.of(name);
  }

  private static List<KnownHostEntry> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return KnownHostEntry.readKnownHostEntries(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static Optional<PublicKey> resolve(KnownHostEntry entry) {
    try {
      return Optional.ofNullable(entry.getKeyEntry().resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String host(String connectAddress, InetSocketAddress remoteAddress) {
    if (connectAddress == null || connectAddress.isEmpty()) {
      return remoteAddress.getHostString();
    }
    if (connectAddress.startsWith("[")) {
      int end = connectAddress.indexOf(']');
      return end > 0 ? connectAddress.substring(1, end) : connectAddress;
    }
    return connectAddress;
  }
}
