package dev.hop.bench;

import dev.hop.bench.history.Workdirs;
import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the benchmarks named on the command line (all when none) and writes their results as Markdown.
 *
 * <pre>bench/run [--rounds N] [--seed S] [--out FILE] [p1 p2 …]</pre>
 *
 * The full set writes {@code bench/RESULTS.md}; a subset writes {@code bench/target/RESULTS-partial.md} unless
 * {@code --out} says otherwise.
 */
public final class Bench {

  private Bench() {}

  /**
   * Every measure, in the order they run: first those that create many files and delete none while they measure, before
   * the others have deleted thousands (dropped databases, generated sources). On ext4 without a journal, creating files
   * soon after many were deleted is slow (bench/README.md). Restore creates the most files in the least time; P2 leaves
   * its databases for later too, and comes before P1, whose runs each drop a database by design (patch-apply's restore,
   * Flyway's clean). P5 comes last: it makes thousands of tenant databases, which would slow the measures after it.
   */
  static List<Measure> measures() {
    return List.of(new RestoreMeasure(), new P2Upgrade(), new P1PatchApply(), new P3NothingToDo(),
        new CodegenMeasure(), new P6PatchAdd(), new P5Fleet());
  }

  /** The order of the results table: the measures, then restore. */
  static final List<String> TABLE_ORDER = List.of("P1", "P2", "P3", "P4", "P5", "P6", "restore");

  /**
   * Runs, then exits the JVM itself: under {@code exec:java} the embedded server's shutdown hook would otherwise run
   * after the plugin closed the bench's class loader, fail, and leave the server running.
   */
  public static void main(String[] args) {
    int status = 1;
    try {
      status = run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  private static int run(String[] args) throws Exception {
    Path bench = Path.of(System.getProperty("bench.dir", "bench")).toAbsolutePath().normalize();
    int rounds = 5;
    long seed = 20261125L;
    Path out = null;
    boolean wait = true;
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--no-wait" -> wait = false;
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
        default -> selected.add(args[i].toLowerCase());
      }
    }
    Map<String, Measure> byId = new LinkedHashMap<>();
    measures().forEach(m -> byId.put(m.id(), m));
    for (String id : selected) {
      if (!byId.containsKey(id)) {
        System.err.println("Unknown measure " + id + "; known: " + String.join(" ", byId.keySet()));
        return 2;
      }
    }
    List<Measure> toRun = selected.isEmpty() ? List.copyOf(byId.values()) : selected.stream().map(byId::get).toList();
    if (out == null) {
      out = selected.isEmpty() ? bench.resolve("RESULTS.md") : bench.resolve("target/RESULTS-partial.md");
    }

    Path lastEnd = bench.resolve("target/last-run-end");
    if (wait) {
      waitAfterTheLastRun(lastEnd);
    }
    Properties versions = versions();
    Path work = bench.resolve("target/work");
    // the last run's work folder is set aside and deleted once this run has measured: deleting its some 40,000 files
    // first would slow the file creations this run times (bench/README.md). A set-aside folder still there is a
    // run's that did not finish
    Path previous = bench.resolve("target/work-previous");
    Workdirs.deleteTree(previous);
    if (Files.exists(work)) {
      Files.move(work, previous);
    }
    Files.createDirectories(work);
    String mavenHome = System.getProperty("maven.home");
    String settings = System.getProperty("bench.settings");
    MavenRunner maven = new MavenRunner(mavenHome == null ? null : Path.of(mavenHome), bench.resolve("target/logs"),
        settings == null ? null : Path.of(settings));
    TestPostgres server = TestPostgres.get();
    BenchContext context = new BenchContext(server, work, maven, versions.getProperty("hop.version"), rounds, seed,
        System.out);

    List<Comparison> comparisons = new ArrayList<>();
    try {
      for (Measure measure : toRun) {
        System.out.println("== " + measure.id());
        for (Comparison c : measure.run(context)) {
          comparisons.add(c);
          System.out.printf("%s %s: hop %s, peer %s, %s (target %s, %s)%n", c.id(), c.what(),
              c.hop().describe(), c.peer().describe(), c.result(), c.targetText(), c.verdict());
        }
      }
    } finally {
      for (Measure measure : toRun) {
        measure.cleanUp(context);
      }
      endRun(previous, lastEnd);
    }
    comparisons.sort(Comparator.comparingInt(c -> TABLE_ORDER.indexOf(c.id())));
    String peers = "flyway-maven-plugin " + versions.getProperty("flyway.version") + " + flyway-database-postgresql "
        + versions.getProperty("flyway.version") + ", jooq-codegen-maven " + versions.getProperty("jooq.version");
    Machine machine = Machine.describe(server, mavenVersion(mavenHome), peers);
    String command = "bench/run --rounds " + rounds + " --seed " + seed
        + (selected.isEmpty() ? "" : " " + String.join(" ", selected));
    Results.write(out, Results.markdown(machine, comparisons, command));
    System.out.println("Results written to " + out);
    return 0;
  }

  /**
   * How long after the end of a run the next one waits. A run ends by deleting some 200,000 files (its databases, the
   * previous run's work folder), and creating files stays slow on this machine's journal-less ext4 for minutes after:
   * a full run started 5 minutes after another timed restore's copies at 0.32 s instead of 0.07 s (bench/README.md).
   */
  static final Duration QUIET = Duration.ofMinutes(10);

  /**
   * What is left of {@link #QUIET} {@code since} the end of the last run; zero when it is over or the clock went back.
   */
  static Duration leftToWait(Duration since) {
    return since.isNegative() || since.compareTo(QUIET) >= 0 ? Duration.ZERO : QUIET.minus(since);
  }

  /**
   * Deletes the previous run's work folder and notes when the run ended, for the next one to wait; a failure here is
   * reported without hiding the run's own.
   */
  private static void endRun(Path previous, Path lastEnd) {
    try {
      Workdirs.deleteTree(previous);
      // the embedded server deletes its data (every database of the run) as the JVM exits, right after this
      Files.writeString(lastEnd, Instant.now().toString());
    } catch (IOException e) {
      System.err.println("Could not delete " + previous + " or write " + lastEnd + ": " + e);
    }
  }

  /** Waits for what is left of {@link #QUIET} after the run that wrote {@code lastEnd}, saying so. */
  private static void waitAfterTheLastRun(Path lastEnd) throws IOException, InterruptedException {
    if (!Files.exists(lastEnd)) {
      return;
    }
    Instant end;
    try {
      end = Instant.parse(Files.readString(lastEnd).strip());
    } catch (DateTimeParseException e) {
      return;
    }
    Duration left = leftToWait(Duration.between(end, Instant.now()));
    if (!left.isZero()) {
      System.out.printf("The last run ended at %s and deleted its databases and work files as it ended; waiting %d s"
          + " so that they do not slow this run's file creations (bench/README.md; --no-wait skips this)%n", end,
          left.toSeconds());
      Thread.sleep(left.toMillis());
    }
  }

  static Properties versions() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Bench.class.getResourceAsStream("/bench.properties")) {
      p.load(in);
    }
    return p;
  }

  private static String mavenVersion(String mavenHome) {
    try {
      String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
      Process p = new ProcessBuilder(mvn, "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      // without the colour codes mvn -v prints
      return out.lines().findFirst().map(l -> l.replaceAll("\u001B\\[[;\\d]*m", ""))
          .orElse("Maven (unknown version)");
    } catch (IOException e) {
      return "Maven (unknown version: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Maven (unknown version)";
    }
  }
}
