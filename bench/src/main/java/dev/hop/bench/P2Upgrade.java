package dev.hop.bench;

import dev.hop.bench.history.ArchetypeModel;
import dev.hop.bench.history.GitRunner;
import dev.hop.bench.history.History;
import dev.hop.bench.history.ModelDatabase;
import dev.hop.bench.history.Patch;
import dev.hop.bench.history.Workdirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * P2: {@code hop:upgrade} of a production database at 0.0.0 through 10 releases of 30 patches, on a production
 * host's clone of ho-prod, against {@code flyway:migrate} of the same 300 patches on an empty database. hop's backup
 * (pg_dump before the first change) is timed apart, from hop's own log line, and left out of the ratio.
 *
 * <p>Each run, on either side, gets a database of its own, made before the first run, and none is dropped until every
 * measure has run ({@link #cleanUp}). Both sides create some 500 files for the tables and indexes of the 300 patches,
 * and on ext4 without a journal, as on the machine this was written on, creating files soon after many were deleted is
 * slow (bench/README.md). Dropping the last run's database (some 800 files) before each run would slow both sides' SQL
 * alike, and more with every run: a cost no production upgrade has, which moves the ratio towards 1.
 */
final class P2Upgrade implements Measure {

  private static final double TARGET = 0.6;
  private static final Pattern BACKED_UP = Pattern.compile("Backed up \\S+ to \\S+ \\((\\d+(?:\\.\\d+)?) s\\)");

  /** The databases {@link #run} made, kept until {@link #cleanUp}. */
  private List<String> left = List.of();

  @Override
  public String id() {
    return "p2";
  }

  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    Workloads.HopWorkload workload = Workloads.hop(context, P1PatchApply.HISTORY, P1PatchApply.SHAPE);
    History history = workload.history();
    List<Patch> released = history.released();
    Path flywayProject = Workloads.flyway(context, "p2-flyway", released);
    Path root = workload.project().dir().getParent();
    GitRunner git = new GitRunner(root.resolve("home"));
    Path hopProject = root.resolve("p2-production");
    Workdirs.deleteTree(hopProject);
    git.run(root, "clone", "-q", "-b", "ho-prod", workload.project().origin().toString(), hopProject.toString());

    ServerDatabases databases = new ServerDatabases(context.server());
    String zero = "bench_p2_zero";
    ModelDatabase.create(context.server(), zero, ArchetypeModel.read(ArchetypeModel.repository())).keep().close();
    // every run gets a database of its own, made before the first: no database is dropped between runs (see the
    // class comment)
    int runs = context.rounds() + 1;
    List<String> productions = names("bench_p2_prod_", runs);
    List<String> flywayDatabases = names("bench_p2_flyway_", runs);
    // the schema check's cost is measured after the comparison, on databases of its own, so that its scratch
    // databases (created and dropped on every run) cannot slow the compared runs (see the class comment)
    List<String> checkedProductions = names("bench_p2_checked_", runs);
    List<String> uncheckedProductions = names("bench_p2_unchecked_", runs);
    left = new ArrayList<>(List.of(zero));
    for (int i = 0; i < runs; i++) {
      left.add(productions.get(i));
      databases.copy(zero, productions.get(i));
      left.add(checkedProductions.get(i));
      databases.copy(zero, checkedProductions.get(i));
      left.add(uncheckedProductions.get(i));
      databases.copy(zero, uncheckedProductions.get(i));
      left.add(flywayDatabases.get(i));
      databases.recreate(flywayDatabases.get(i));
    }
    Iterator<String> nextProduction = productions.iterator();
    Iterator<String> nextFlywayDatabase = flywayDatabases.iterator();
    Forks forks = new Forks(context);
    List<Duration> backups = new ArrayList<>();
    List<Duration> walls = new ArrayList<>();
    List<Split> hopSplits = new ArrayList<>();
    List<Split> flywaySplits = new ArrayList<>();
    AtomicReference<MavenRunner.Build> lastHop = new AtomicReference<>();
    AtomicReference<MavenRunner.Build> lastFlyway = new AtomicReference<>();
    String last = history.productionVersion();

    Map<String, Samples> samples = context.interleaved().run("P2", List.of(
        Contender.of("hop", () -> Workdirs.deleteTree(hopProject.resolve("backups")), () -> {
          MavenRunner.Build build = Forks.expect(forks.hop("p2-hop", hopProject, nextProduction.next(),
              "hop:upgrade"), "Applied release " + last + ":");
          lastHop.set(build);
          Duration backup = backup(build.output());
          backups.add(backup);
          walls.add(build.time());
          Duration timed = build.time().minus(backup);
          hopSplits.add(Split.of(timed, LogTimes.sum(LogTimes.hopSteps(build.output()), "Applied release ")));
          return timed;
        }),
        Contender.of("flyway", () -> { }, () -> {
          MavenRunner.Build build = Forks.expect(forks.flyway("p2-flyway", flywayProject,
              nextFlywayDatabase.next(), "flyway:migrate"), "Successfully applied " + released.size()
              + " migrations");
          flywaySplits.add(Split.of(build.time(), LogTimes.flywayExecution(build.output())));
          return P1PatchApply.last(lastFlyway, build);
        })));

    Samples[] schemaCheck = schemaCheckCost(forks, hopProject, checkedProductions, uncheckedProductions, last);
    Samples check = checkUpgraded(forks, hopProject, productions.get(productions.size() - 1), context.rounds());
    // the warm-up's are the first of each list
    Samples backup = new Samples("hop backup", backups.subList(1, backups.size()));
    Samples wall = new Samples("hop with backup", walls.subList(1, walls.size()));
    String what = String.format("hop:upgrade 0.0.0 → %s (%d releases × %d patches, backup excluded) vs"
        + " flyway:migrate (%d migrations, empty database)", last, history.releases().size(),
        history.releases().get(0).patches().size(), released.size());
    String note = String.format(Locale.ROOT, "hop's backup (pg_dump -Fc of the database at 0.0.0, before the first"
        + " change) is timed apart from hop's own log line and excluded from the ratio, as the issue asks: backup %s;"
        + " hop's whole run with it %s (ratio %.2f with it). The whole path runs in one transaction; the %d patches"
        + " (%d SQL files) are read from Git at each release's tag. Flyway: one migration per patch, its files"
        + " concatenated in hop's order. Every run, on either side, works on a database of its own made before the"
        + " first run, and none is dropped until every measure has run (bench/README.md). ", backup.describe(),
        wall.describe(),
        wall.median().toNanos() / (double) samples.get("flyway").median().toNanos(), released.size(),
        History.files(released)) + whereTheTimeGoes(lastHop.get(), lastFlyway.get(),
        TARGET * samples.get("flyway").medianSeconds()) + " " + whyTheSqlDecides(
        hopSplits.subList(1, hopSplits.size()), flywaySplits.subList(1, flywaySplits.size()), TARGET)
        + String.format(Locale.ROOT, " The schema check, measured after the comparison on databases of its own,"
        + " alternating: hop:upgrade -Dhop.checkSchema=true %s against hop:upgrade %s (backup excluded), %+.2f s"
        + " (medians); the database is at 0.0.0, whose snapshot is empty, so this is the check's fixed cost (a"
        + " scratch database created, loaded and dropped, two pg_dump runs). hop:check of a database upgraded to %s"
        + " (%d patches applied), files and schema: %s.", schemaCheck[0].describe(), schemaCheck[1].describe(),
        schemaCheck[0].medianSeconds() - schemaCheck[1].medianSeconds(), last, released.size(), check.describe());
    return List.of(new Comparison("P2", what, samples.get("hop"), samples.get("flyway"), TARGET, note));
  }

  /**
   * hop:upgrade with and without {@code -Dhop.checkSchema=true}, alternating, each on a database of its own (the first
   * pair a warm-up); the backup excluded.
   *
   * @return the samples with the check, then without
   */
  private static Samples[] schemaCheckCost(Forks forks, Path project, List<String> checked, List<String> unchecked,
      String last) throws Exception {
    List<Duration> with = new ArrayList<>();
    List<Duration> without = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      Workdirs.deleteTree(project.resolve("backups"));
      MavenRunner.Build a = Forks.expect(forks.hop("p2-hop-checkschema", project, checked.get(i), "hop:upgrade",
          "-Dhop.checkSchema=true"), "Applied release " + last + ":");
      Forks.expect(a, "is the snapshot of 0.0.0");
      Workdirs.deleteTree(project.resolve("backups"));
      MavenRunner.Build b = Forks.expect(forks.hop("p2-hop-unchecked", project, unchecked.get(i), "hop:upgrade"),
          "Applied release " + last + ":");
      if (i > 0) {
        with.add(a.time().minus(backup(a.output())));
        without.add(b.time().minus(backup(b.output())));
      }
    }
    return new Samples[] {new Samples("hop checkSchema", with), new Samples("hop", without)};
  }

  /** {@code hop:check} run {@code rounds} times (after one warm-up) on {@code database}, which an upgrade left. */
  private static Samples checkUpgraded(Forks forks, Path project, String database, int rounds) throws Exception {
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i <= rounds; i++) {
      MavenRunner.Build build = Forks.expect(forks.hop("p2-check", project, database, "hop:check"),
          "Compared the schema of");
      Forks.expect(build, "BUILD SUCCESS");
      if (i > 0) {
        times.add(build.time());
      }
    }
    return new Samples("hop:check", times);
  }

  /** Drops the databases of every run, which {@link #run} left for after the other measures. */
  @Override
  public void cleanUp(BenchContext context) {
    new ServerDatabases(context.server()).dropEach(left);
    if (!left.isEmpty()) {
      context.log().printf("== p2 clean-up: dropped its %d databases%n", left.size());
    }
    left = List.of();
  }

  /** {@code count} database names, {@code <prefix>0} on. */
  static List<String> names(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  /** The last round's split, from hop's step lines and Flyway's execution times. */
  static String whereTheTimeGoes(MavenRunner.Build hop, MavenRunner.Build flyway, double allowed) {
    Map<String, Double> steps = LogTimes.hopSteps(hop.output());
    double backup = LogTimes.sum(steps, "Backed up ");
    double releases = LogTimes.sum(steps, "Applied release ");
    double hopWall = hop.time().toNanos() / 1e9;
    double flywayWall = flyway.time().toNanos() / 1e9;
    double flywaySql = LogTimes.flywayExecution(flyway.output());
    return "Last round: hop " + LogTimes.seconds(hopWall) + " = backup " + LogTimes.seconds(backup)
        + " + the releases' SQL " + LogTimes.seconds(releases) + " + " + LogTimes.seconds(hopWall - backup - releases)
        + " around them (JVM and Maven start, plugin loading, fetch and pull of origin, clean-tree check, pg_dump"
        + " lookup, reading the 300 patches from Git at the tags, lock; Maven's own Total time "
        + LogTimes.seconds(LogTimes.mavenTotal(hop.output())) + "); Flyway " + LogTimes.seconds(flywayWall)
        + " = validate and migrate " + LogTimes.seconds(flywaySql) + " + " + LogTimes.seconds(flywayWall - flywaySql)
        + " of JVM, Maven and Flyway start-up. The target allows hop " + LogTimes.seconds(allowed)
        + " without the backup.";
  }

  /** One run's time around its SQL and in it (hop: the releases' steps; Flyway: its execution). */
  record Split(Duration outside, Duration sql) {

    /** The split of a run of {@code time}, {@code sqlSeconds} of which its log gives to the SQL. */
    static Split of(Duration time, double sqlSeconds) {
      Duration sql = Duration.ofNanos(Math.round(sqlSeconds * 1e9));
      return new Split(time.minus(sql), sql);
    }
  }

  /**
   * Why the ratio moves from run to run: both sides run the same SQL on the same server, so only their costs around
   * it differ, and the longer the SQL takes, the closer the ratio gets to 1. From the medians of the measured rounds,
   * the longest SQL time at which hop still meets the target.
   */
  static String whyTheSqlDecides(List<Split> hop, List<Split> flyway, double target) {
    double hopOutside = median(hop, Split::outside);
    double hopSql = median(hop, Split::sql);
    double flywayOutside = median(flyway, Split::outside);
    double flywaySql = median(flyway, Split::sql);
    double limit = longestSql(hopOutside, flywayOutside, target);
    return String.format(Locale.ROOT, "Medians of the measured rounds: hop %s around the releases' SQL + %s in it;"
        + " Flyway %s around its validate and migrate + %s in them (each median taken apart, so the sums need not be"
        + " the medians above). Both run the same SQL on the same server, so the longer it takes, the closer the"
        + " ratio gets to 1: with these costs around it, hop is within %.1f× of Flyway %s; in this run the SQL took"
        + " %s (hop) and %s (Flyway).", LogTimes.seconds(hopOutside), LogTimes.seconds(hopSql),
        LogTimes.seconds(flywayOutside), LogTimes.seconds(flywaySql), target,
        limit <= 0 ? "at no SQL time" : String.format(Locale.ROOT, "only while the SQL takes at most %s on both sides"
            + " ((%.1f × %.2f − %.2f) / %.1f)", LogTimes.seconds(limit), target, flywayOutside, hopOutside,
            1 - target), LogTimes.seconds(hopSql), LogTimes.seconds(flywaySql));
  }

  /** The SQL time s at which {@code hopOutside + s = target × (flywayOutside + s)}. */
  static double longestSql(double hopOutside, double flywayOutside, double target) {
    return (target * flywayOutside - hopOutside) / (1 - target);
  }

  /** The median of one part of the splits, in seconds. */
  private static double median(List<Split> splits, Function<Split, Duration> part) {
    return new Samples("split", splits.stream().map(part).toList()).medianSeconds();
  }

  /** The duration of the backup step, from hop's line {@code Backed up <db> to <file> (0.12 s)}. */
  static Duration backup(String output) {
    Matcher m = BACKED_UP.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("No 'Backed up … (… s)' line in hop's output:\n"
          + MavenRunner.tail(output, 40));
    }
    return Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * 1e9));
  }
}
