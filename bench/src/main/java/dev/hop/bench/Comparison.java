package dev.hop.bench;

import java.util.Locale;

/**
 * One of the bench's measures: hop's times against a peer's on the same workload in the same run, and the target
 * ratio (hop's median / the peer's median must not exceed it); or, for a {@link Kind#GROWTH} comparison, hop's
 * times on a larger workload against hop's on a smaller one, and the most the median may grow (in seconds).
 *
 * @param id     short name, e.g. {@code P1}
 * @param what   the two sides in words, e.g.
 *               {@code hop:patch-apply (300 released + 3 stage + 1) vs flyway clean migrate (304)}
 * @param hop    hop's times (for a growth: on the larger workload)
 * @param peer   the peer's times (for a growth: hop's on the smaller workload)
 * @param target the highest ratio allowed; for a growth, the growth in seconds it must stay under
 * @param note   what else the reader must know (a time measured apart, how the workload was built), or empty
 * @param kind   a ratio to a peer, or a growth of hop's own time
 */
public record Comparison(String id, String what, Samples hop, Samples peer, double target, String note, Kind kind) {

  /** What is compared. */
  public enum Kind {
    /** hop's median over the peer's, at most {@code target}. */
    RATIO,
    /** hop's median minus hop's median on the smaller workload, in seconds, under {@code target}. */
    GROWTH
  }

  /** A ratio comparison. */
  public Comparison(String id, String what, Samples hop, Samples peer, double target, String note) {
    this(id, what, hop, peer, target, note, Kind.RATIO);
  }

  /** hop's growth from the {@code smaller} workload to the {@code larger}, which must stay under {@code limit} s. */
  public static Comparison growth(String id, String what, Samples larger, Samples smaller, double limit, String note) {
    return new Comparison(id, what, larger, smaller, limit, note, Kind.GROWTH);
  }

  /** hop's median over the peer's median. */
  public double ratio() {
    return hop.median().toNanos() / (double) peer.median().toNanos();
  }

  /** The growth of the median, in seconds (hop's median minus the peer's). */
  public double growth() {
    return (hop.median().toNanos() - peer.median().toNanos()) / 1e9;
  }

  /** The compared value: the ratio, or the growth in seconds. */
  public double value() {
    return kind == Kind.RATIO ? ratio() : growth();
  }

  /** The value as the results show it: {@code 0.42}, or {@code +0.12 s}. */
  public String result() {
    return kind == Kind.RATIO ? String.format(Locale.ROOT, "%.2f", ratio())
        : String.format(Locale.ROOT, "%+.2f s", growth());
  }

  /** The target as the results show it: {@code ≤ 0.40}, or {@code < 0.30 s}. */
  public String targetText() {
    return kind == Kind.RATIO ? String.format(Locale.ROOT, "≤ %.2f", target)
        : String.format(Locale.ROOT, "< %.2f s", target);
  }

  /** The value using hop's best and the peer's worst, and the reverse: how far the noise can move it. */
  public String ratioRange() {
    if (kind == Kind.GROWTH) {
      double low = (hop.min().toNanos() - peer.max().toNanos()) / 1e9;
      double high = (hop.max().toNanos() - peer.min().toNanos()) / 1e9;
      return String.format(Locale.ROOT, "%+.2f–%+.2f s", low, high);
    }
    double low = hop.min().toNanos() / (double) peer.max().toNanos();
    double high = hop.max().toNanos() / (double) peer.min().toNanos();
    return String.format(Locale.ROOT, "%.2f–%.2f", low, high);
  }

  public boolean met() {
    return kind == Kind.RATIO ? ratio() <= target : growth() < target;
  }

  public String verdict() {
    if (met()) {
      return "met";
    }
    if (kind == Kind.GROWTH) {
      return String.format(Locale.ROOT, "missed by %.2f s", growth() - target);
    }
    double percent = (ratio() / target - 1) * 100;
    return String.format(Locale.ROOT, percent < 1 ? "missed by %.1f%%" : "missed by %.0f%%", percent);
  }
}
