package dev.hop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The wall-clock times of one contender over the measured rounds: median, min and max. */
public record Samples(String contender, List<Duration> times) {

  public Samples {
    if (times.isEmpty()) {
      throw new IllegalArgumentException("no time measured for " + contender);
    }
    times = List.copyOf(times);
  }

  /** The median; for an even count, the mean of the two middle times. */
  public Duration median() {
    List<Duration> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  /** The median in seconds. */
  public double medianSeconds() {
    return median().toNanos() / 1e9;
  }

  public Duration min() {
    return sorted().get(0);
  }

  public Duration max() {
    return sorted().get(times.size() - 1);
  }

  /** {@code 1.234 s (1.201–1.300, n=5)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s s (%s–%s, n=%d)",
        seconds(median()), seconds(min()), seconds(max()), times.size());
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  private List<Duration> sorted() {
    List<Duration> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted;
  }
}
