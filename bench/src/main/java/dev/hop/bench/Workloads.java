package dev.hop.bench;

import dev.hop.bench.history.ArchetypeModel;
import dev.hop.bench.history.FlywayProject;
import dev.hop.bench.history.GitRunner;
import dev.hop.bench.history.History;
import dev.hop.bench.history.HistoryGenerator;
import dev.hop.bench.history.HistoryShape;
import dev.hop.bench.history.HopProjectWriter;
import dev.hop.bench.history.ModelDatabase;
import dev.hop.bench.history.Patch;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the measures' workloads from the run's seed, untimed, once per run (measures that share a history share
 * its project): a hop project with its origin, and Flyway projects of the same patches.
 */
final class Workloads {

  /** A history and the hop project it was written as; {@code production} names its kept production database. */
  record HopWorkload(History history, HopProjectWriter.Written project, String production) {
  }

  private static final Map<String, HopWorkload> HOP = new HashMap<>();

  private Workloads() {
  }

  /**
   * The hop project {@code work/<name>} of the history {@code shape}, written on first call. Its releases are built
   * on the database {@code bench_<name>_prod}, which is kept: it is that history's production database, at its last
   * release.
   */
  static synchronized HopWorkload hop(BenchContext context, String name, HistoryShape shape) throws Exception {
    String key = name + "@" + context.seed();
    HopWorkload workload = HOP.get(key);
    if (workload == null) {
      long start = System.nanoTime();
      History history = new HistoryGenerator(context.seed()).generate(shape);
      Path root = context.work().resolve(name);
      ArchetypeModel zero = ArchetypeModel.read(ArchetypeModel.repository());
      String production = "bench_" + name + "_prod";
      HopProjectWriter.Written written;
      try (ModelDatabase model = ModelDatabase.create(context.server(), production, zero).keep()) {
        written = new HopProjectWriter(new GitRunner(root.resolve("home")), context.hopVersion())
            .write(root, name + "-hop", history, model, zero, true);
      }
      workload = new HopWorkload(history, written, production);
      HOP.put(key, workload);
      context.log().printf("  set-up: hop project %s (%d releases, %d patches, %d SQL files) in %.1f s (%s)%n",
          name, history.releases().size(), history.patches().size(), History.files(history.patches()),
          (System.nanoTime() - start) / 1e9, written.took().entrySet().stream()
              .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue().toNanos() / 1e9))
              .collect(java.util.stream.Collectors.joining(", ")));
    }
    return workload;
  }

  /** Writes the Flyway project {@code work/<name>} with one migration per patch of {@code patches}. */
  static Path flyway(BenchContext context, String name, List<Patch> patches) throws Exception {
    Properties versions = Bench.versions();
    Path dir = context.work().resolve(name);
    FlywayProject.write(dir, name, patches, FlywayProject.Layout.PER_PATCH, versions.getProperty("flyway.version"),
        versions.getProperty("postgresql.version"));
    return dir;
  }
}
