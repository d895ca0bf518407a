package dev.hop.core.db;

import dev.hop.core.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One script of a patch: its name inside the patch folder, its bytes (from the working tree or from Git)
 * and its kind.
 */
public record PatchScript(String name, byte[] bytes, Kind kind) {

  /** How a script runs. */
  public enum Kind {
    /** Through JDBC, in the patch's transaction unless marked {@code -- hop:no-transaction}. */
    SQL,
    /** With the JDK's {@code java} launcher, in its own process. */
    JAVA
  }

  public PatchScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(kind, "kind");
  }

  /** Lower-case hex SHA-256 of the bytes, as recorded in {@code hop_applied_patch}. */
  public String sha256() {
    return Sha256.hex(bytes);
  }


  /** Whether this is an SQL file whose first line is {@code -- hop:no-transaction}. */
  public boolean isNoTransaction() {
    if (kind != Kind.SQL) {
      return false;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    return first.equals(SqlScriptRunner.NO_TRANSACTION_MARKER);
  }

  /** Whether the script breaks the caller's transaction (a Java script or a no-transaction file). */
  public boolean breaksTransaction() {
    return kind == Kind.JAVA || isNoTransaction();
  }
}
