package dev.hop.bench;

import dev.hop.core.testing.TestPostgres;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every measure shares: the one PostgreSQL server that hop and its peers both use, a work folder, the forked
 * Maven, hop's version (the plugin installed in the local repository by {@code bench/run}), the number of rounds,
 * and the seed of the generated workloads.
 */
public record BenchContext(TestPostgres server, Path work, MavenRunner maven, String hopVersion, int rounds,
    long seed, PrintStream log) {

  public Interleaved interleaved() {
    return new Interleaved(rounds, log);
  }
}
