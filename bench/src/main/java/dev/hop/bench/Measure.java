package dev.hop.bench;

import java.util.List;

/** One measure (P1…P4, restore): builds its workload, runs the sides interleaved. */
public interface Measure {

  /** Short name used on the command line, e.g. {@code p1}. */
  String id();

  /** Runs the measure on the shared server; one or more comparisons. */
  List<Comparison> run(BenchContext context) throws Exception;

  /**
   * Removes what {@link #run} left for later, once every measure of the run has run: deleting many files just before
   * another measure creates as many would slow that one (bench/README.md).
   */
  default void cleanUp(BenchContext context) {
  }
}
