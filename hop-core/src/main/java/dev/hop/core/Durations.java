package dev.hop.core;

import java.time.Duration;
import java.util.Locale;

/** Spells a duration for the log, the one way every hop line does: {@code 0.42 s}, {@code 12.3 s}, {@code 2 min 05 s}. */
public final class Durations {

  private Durations() {
  }

  public static String format(Duration d) {
    double seconds = d.toNanos() / 1e9;
    if (seconds < 10) {
      return String.format(Locale.ROOT, "%.2f s", seconds);
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }
}
