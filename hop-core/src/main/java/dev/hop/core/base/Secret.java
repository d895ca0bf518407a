package dev.hop.core.base;

import java.util.Arrays;

/**
 * A password that never shows itself: {@link #toString()} is masked, so a secret cannot leak into a
 * log line or an exception message by accident. Only {@link #reveal()} hands out the value.
 */
public final class Secret {
  private static final Secret NONE = new Secret(new char[0]);

  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  /** A secret holding {@code value}; {@code null} or empty gives {@link #none()}. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? NONE : new Secret(value.toCharArray());
  }

  public static Secret none() {
    return NONE;
  }

  public boolean isPresent() {
    return value.length > 0;
  }

  /** The clear value, for the one place that must hand it on (a JDBC property, {@code PGPASSWORD}). */
  public String reveal() {
    return new String(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return isPresent() ? "******" : "(none)";
  }
}
