package dev.hop.core.base;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 digests hop records and compares, always spelled in lower-case hex. */
public final class Sha256 {

  private Sha256() {
  }

  /** The SHA-256 of {@code bytes}. */
  public static byte[] bytes(byte[] bytes) {
    return digest().digest(bytes);
  }

  /** The lower-case hex SHA-256 of {@code parts} one after the other, as if they were one array. */
  public static String hex(byte[]... parts) {
    MessageDigest digest = digest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
