package dev.hop.core.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The user's default SSH key files in {@code ~/.ssh}, as ssh-keygen names them: whether a passphrase protects each
 * (told by the file's header: the cipher of an OpenSSH key, the encryption mark of a PEM key), and whether the SSH
 * client can load the clear ones, so that a failed login can be told apart from a key hop could not offer.
 */
final class SshKeyFiles {
  /** The names ssh tries when ~/.ssh/config names none, in its order. */
  static final List<String> DEFAULT_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa", "id_dsa");

  private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
  private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
  private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * One key file.
   *
   * @param name the file's name in {@code ~/.ssh}, e.g. {@code id_ed25519}
   * @param locked whether a passphrase protects it
   * @param problem why the SSH client cannot load it, when it cannot (a passphrase aside)
   */
  record KeyFile(String name, boolean locked, Optional<String> problem) {
    /** {@code ~/.ssh/<name>}, as messages spell it. */
    String display() {
      return "~/.ssh/" + name;
    }
  }

  private SshKeyFiles() {
  }

  /** The default key files present in {@code sshDirectory}, in ssh's order. */
  static List<KeyFile> in(Path sshDirectory) {
    List<KeyFile> keys = new ArrayList<>();
    for (String name : DEFAULT_NAMES) {
      Path file = sshDirectory.resolve(name);
      if (Files.isRegularFile(file)) {
        boolean locked = isLocked(file);
        keys.add(new KeyFile(name, locked, locked ? Optional.empty() : problem(file)));
      }
    }
    return keys;
  }

  /** Why the SSH client cannot load the clear key in {@code file}; empty when it loads. */
  static Optional<String> problem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in,
          null);
      return keys != null && keys.iterator().hasNext() ? Optional.empty() : Optional.of("it holds no key pair");
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** Whether a passphrase protects the private key in {@code file}; false when the file cannot be read or parsed. */
  static boolean isLocked(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      return true;
    }
    int begin = text.indexOf(OPENSSH_BEGIN);
    int end = text.indexOf(OPENSSH_END);
    if (begin < 0 || end < begin) {
      return false;
    }
    try {
      byte[] key = Base64.getMimeDecoder().decode(text.substring(begin + OPENSSH_BEGIN.length(), end));
      return !"none".equals(cipherOf(key));
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      return false;
    }
  }

  /** The cipher name that follows the magic of an {@code openssh-key-v1} blob; {@code none} for a clear key. */
  private static String cipherOf(byte[] key) {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    byte[] magic = new byte[OPENSSH_MAGIC.length];
    buffer.get(magic);
    if (!java.util.Arrays.equals(magic, OPENSSH_MAGIC)) {
      return "none";
    }
    int length = buffer.getInt();
    if (length < 0 || length > buffer.remaining()) {
      return "none";
    }
    byte[] cipher = new byte[length];
    buffer.get(cipher);
    return new String(cipher, StandardCharsets.US_ASCII);
  }
}
