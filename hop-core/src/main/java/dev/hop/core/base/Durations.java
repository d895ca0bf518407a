package dev.hop.core.base;

import java.time.Duration;

/** Spells a duration for the log, the one way every hop line does: {@code 0.42 s}, {@code 12.3 s}, {@code 2 min 05 s}. */
public final class Durations {

  private Durations() {
  }

  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos < 10_000_000_000L) {
      return decimals(nanos, 10_000_000L, 2) + " s";
    }
    if (nanos < 60_000_000_000L) {
      return decimals(nanos, 100_000_000L, 1) + " s";
    }
    long seconds = d.toSeconds();
    long part = seconds % 60;
    return seconds / 60 + " min " + (part < 10 ? "0" : "") + part + " s";
  }

  /** The time since {@code startNanos} (a {@link System#nanoTime()}), spelled as {@link #format} does. */
  public static String since(long startNanos) {
    return format(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** {@code nanos} in units of {@code unit} nanoseconds, rounded half up, written with {@code digits} decimals. */
  private static String decimals(long nanos, long unit, int digits) {
    long units = (Math.max(0, nanos) + unit / 2) / unit;
    long scale = digits == 2 ? 100 : 10;
    String fraction = Long.toString(units % scale);
    return units / scale + "." + "0".repeat(digits - fraction.length()) + fraction;
  }
}
