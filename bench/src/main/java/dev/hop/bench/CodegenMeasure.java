package dev.hop.bench;

import dev.hop.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * P4: {@code mvn hop:generate} for a 300-table schema against
 * {@code mvn jooq-codegen:generate} on the same database, each a first generation (its output deleted before, untimed),
 * plus hop's second run on the unchanged schema, which must write no file.
 */
final class CodegenMeasure implements Measure {

  static final int TABLES = 300;
  static final int VIEWS = 5;
  static final double TARGET = 0.4;
  private static final String SCHEMA = "shop";
  private static final String HOP_PACKAGE = "bench.hop.db";
  private static final String JOOQ_PACKAGE = "bench.jooq.db";
  private static final String JOOQ_OUTPUT = "target/generated-sources/jooq";
  private static final Pattern HOP_LINE = Pattern.compile("Code generated from \\S+ into \\S+: written (\\d+),"
      + " unchanged (\\d+), deleted (\\d+), kept (\\d+) \\((\\d+\\.\\d+) s\\)");
  private static final Pattern JOOQ_LINE =
      Pattern.compile("Generation finished: \\S+: Total: (\\d+(?:\\.\\d+)?)(ms|s)\\b");

  /** What one {@code hop:generate} said it did, from its log line; seconds as hop measured itself inside Maven. */
  record HopGeneration(int written, int unchanged, int deleted, int kept, double seconds) {

    static HopGeneration parse(String log) {
      Matcher m = HOP_LINE.matcher(log);
      if (!m.find()) {
        throw new IllegalStateException("hop:generate printed no 'Code generated from …' line:\n"
            + MavenRunner.tail(log, 30));
      }
      return new HopGeneration(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Double.parseDouble(m.group(5)));
    }
  }

  /** The seconds jOOQ's generator reports in its last "Generation finished" line, if it printed one. */
  static Optional<Double> jooqSeconds(String log) {
    Matcher m = JOOQ_LINE.matcher(log);
    Double seconds = null;
    while (m.find()) {
      seconds = Double.parseDouble(m.group(1)) / (m.group(2).equals("ms") ? 1000 : 1);
    }
    return Optional.ofNullable(seconds);
  }

  /** What the builds said besides their wall time, per run (the warm-up first). */
  private static final class Observed {
    final List<Double> hopSeconds = new ArrayList<>();
    final List<Double> rerunSeconds = new ArrayList<>();
    final List<Double> jooqSeconds = new ArrayList<>();
    long jooqFiles;
  }

  @Override
  public String id() {
    return "p4";
  }

  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    Properties versions = Bench.versions();
    MixedSchema schema = MixedSchema.generate(SCHEMA, TABLES, VIEWS, context.seed());
    int classes = TABLES + VIEWS + schema.enums();
    int files = classes + TABLES + VIEWS;
    try (TestDatabase database = context.server().createDatabase("bench_p4")) {
      try (Connection c = database.connect()) {
        schema.create(c);
      }
      boolean password = database.password() != null;
      Map<String, String> env = password ? Map.of(CodegenProjects.PASSWORD_VARIABLE, database.password()) : Map.of();
      Path hopDir = fresh(context.work().resolve("p4/hop"));
      Files.writeString(hopDir.resolve("pom.xml"), CodegenProjects.hopPom(context.hopVersion(), HOP_PACKAGE, password));
      List<String> hopArgs = List.of("hop:generate", "-Dhop.url=" + database.jdbcUrl(),
          "-Dhop.user=" + database.user());
      Path jooqDir = fresh(context.work().resolve("p4/jooq"));
      Files.writeString(jooqDir.resolve("pom.xml"), CodegenProjects.jooqPom(versions.getProperty("jooq.version"),
          versions.getProperty("postgresql.version"), database.jdbcUrl(), Optional.of(database.user()), password,
          SCHEMA, JOOQ_PACKAGE));
      MavenRunner maven = context.maven();
      Observed seen = new Observed();

      Path trash = fresh(context.work().resolve("p4/trash"));
      Contender hop = Contender.of("hop", () -> moveAside(hopDir.resolve("src"), trash), () -> {
        MavenRunner.Build build = maven.run("p4-hop", hopDir, env, hopArgs);
        HopGeneration g = HopGeneration.parse(build.output());
        if (g.written() != files || g.unchanged() != 0) {
          throw new IllegalStateException("hop:generate's first generation must write " + files + " files, but said "
              + g + "; see the log p4-hop.log");
        }
        seen.hopSeconds.add(g.seconds());
        return build.time();
      });
      Path jooqOutput = jooqDir.resolve(JOOQ_OUTPUT);
      Contender jooq = Contender.of("jooq", () -> moveAside(jooqOutput, trash), () -> {
        MavenRunner.Build build = maven.run("p4-jooq", jooqDir, env, List.of("jooq-codegen:generate"));
        seen.jooqFiles = javaFiles(jooqOutput);
        if (seen.jooqFiles < 2 * TABLES) {
          throw new IllegalStateException("jooq-codegen:generate wrote only " + seen.jooqFiles + " files under "
              + jooqOutput + "; see the log p4-jooq.log");
        }
        jooqSeconds(build.output()).ifPresent(seen.jooqSeconds::add);
        return build.time();
      });
      Path hopSources = hopDir.resolve("src/main/java/" + HOP_PACKAGE.replace('.', '/'));
      Contender rerun = Contender.of("hop-rerun", () -> {
        if (!Files.isDirectory(hopSources)) {
          maven.run("p4-hop", hopDir, env, hopArgs);
        }
      }, () -> {
        MavenRunner.Build build = maven.run("p4-hop-rerun", hopDir, env, hopArgs);
        HopGeneration g = HopGeneration.parse(build.output());
        if (g.written() != 0 || g.deleted() != 0 || g.unchanged() != classes) {
          throw new IllegalStateException("hop:generate on the unchanged schema must write 0 files and find "
              + classes + " classes unchanged, but said " + g + "; see the log p4-hop-rerun.log");
        }
        seen.rerunSeconds.add(g.seconds());
        return build.time();
      });

      Map<String, Samples> samples = context.interleaved().run("p4", List.of(hop, jooq, rerun));
      delete(trash);
      String note = note(schema, context.seed(), files, versions.getProperty("jooq.version"), seen,
          samples.get("hop-rerun"), samples.get("jooq"));
      return List.of(new Comparison("P4", "hop:generate (" + TABLES + " tables, first generation) vs"
          + " jooq-codegen:generate", samples.get("hop"), samples.get("jooq"), TARGET, note));
    }
  }

  private static String note(MixedSchema schema, long seed, int files, String jooqVersion, Observed seen,
      Samples rerun, Samples jooq) {
    return String.format(Locale.ROOT, "%d tables + %d views + %d enum types of mixed column types (MixedSchema,"
        + " seed %d), one database on the bench server. hop: `mvn hop:generate -Dhop.url=…` with src/ moved away;"
        + " writes %d files (a class per relation, its first-time test, the enums); hop timed its own work inside"
        + " Maven at %s s (median). jOOQ: `mvn jooq-codegen:generate` (jooq-codegen-maven %s, PostgresDatabase,"
        + " inputSchema %s, defaults otherwise) with %s moved away (it rewrites every file on every run anyway);"
        + " writes %d files; its generator reported %s s (median). hop's second run on the unchanged schema:"
        + " %s, **0 files written** in each of its %d runs (checked from its log), %s s inside Maven;"
        + " ratio %.2f to jOOQ's generate.",
        schema.tables(), schema.views(), schema.enums(), seed, files, median(seen.hopSeconds), jooqVersion,
        schema.schema(), JOOQ_OUTPUT, seen.jooqFiles, median(seen.jooqSeconds), rerun.describe(),
        rerun.times().size(), median(seen.rerunSeconds), rerun.median().toNanos() / (double) jooq.median().toNanos());
  }

  /** The median of the measured rounds' seconds, the warm-up (first) left out; {@code ?} when there are none. */
  private static String median(List<Double> seconds) {
    if (seconds.size() < 2) {
      return "?";
    }
    List<Duration> rounds = seconds.subList(1, seconds.size()).stream()
        .map(s -> Duration.ofNanos((long) (s * 1e9))).toList();
    return Samples.seconds(new Samples("inside", rounds).median());
  }

  /**
   * Moves {@code dir}, if present, into {@code trash} under a new name, so that no generator creates its files right
   * after as many were deleted (what slowed the restore measure's copies on journal-less ext4; see bench/README.md).
   */
  private static void moveAside(Path dir, Path trash) throws IOException {
    if (Files.exists(dir)) {
      Files.move(dir, trash.resolve(dir.getFileName() + "-" + System.nanoTime()));
    }
  }

  /** Deletes {@code dir} if present and creates it empty. */
  private static Path fresh(Path dir) throws IOException {
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static long javaFiles(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.toString().endsWith(".java")).count();
    }
  }
}
