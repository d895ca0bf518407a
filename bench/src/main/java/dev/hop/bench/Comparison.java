package dev.hop.bench;

import java.util.Locale;

/**
 * One of issue 10's measures: hop's times against a peer's on the same workload in the same run, and the target
 * ratio (hop's median / the peer's median must not exceed it).
 *
 * @param id     short name, e.g. {@code P1}
 * @param what   the two sides in words, e.g. {@code hop:patch-apply (300 released + 3 stage + 1) vs flyway clean migrate (304)}
 * @param note   what else the reader must know (a time measured apart, how the workload was built), or empty
 */
public record Comparison(String id, String what, Samples hop, Samples peer, double target, String note) {

  /** hop's median over the peer's median. */
  public double ratio() {
    return hop.median().toNanos() / (double) peer.median().toNanos();
  }

  /** The ratio using hop's best and the peer's worst, and the reverse: how far the noise can move it. */
  public String ratioRange() {
    double low = hop.min().toNanos() / (double) peer.max().toNanos();
    double high = hop.max().toNanos() / (double) peer.min().toNanos();
    return String.format(Locale.ROOT, "%.2f–%.2f", low, high);
  }

  public boolean met() {
    return ratio() <= target;
  }

  public String verdict() {
    if (met()) {
      return "met";
    }
    return String.format(Locale.ROOT, "missed by %.0f%%", (ratio() / target - 1) * 100);
  }
}
