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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P2: {@code hop:upgrade} of a production database at 0.0.0 through 10 releases of 30 patches, on a production
 * host's clone of ho-prod, against {@code flyway:migrate} of the same 300 patches on an empty database. hop's backup
 * (pg_dump before the first change) is timed apart, from hop's own log line, and left out of the ratio.
 */
final class P2Upgrade implements Measure {

  private static final double TARGET = 0.6;
  private static final Pattern BACKED_UP = Pattern.compile("Backed up \\S+ to \\S+ \\((\\d+(?:\\.\\d+)?) s\\)");

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
    String production = "bench_p2_prod";
    String flywayDatabase = "bench_p2_flyway";
    ModelDatabase.create(context.server(), zero, ArchetypeModel.read(ArchetypeModel.repository())).keep().close();
    Forks forks = new Forks(context);
    List<Duration> backups = new ArrayList<>();
    List<Duration> walls = new ArrayList<>();
    AtomicReference<MavenRunner.Build> lastHop = new AtomicReference<>();
    AtomicReference<MavenRunner.Build> lastFlyway = new AtomicReference<>();
    String last = history.productionVersion();

    Map<String, Samples> samples = context.interleaved().run("P2", List.of(
        Contender.of("hop", () -> {
          databases.copy(zero, production);
          Workdirs.deleteTree(hopProject.resolve("backups"));
        }, () -> {
          MavenRunner.Build build = Forks.expect(forks.hop("p2-hop", hopProject, production, "hop:upgrade"),
              "Applied release " + last + ":");
          lastHop.set(build);
          Duration backup = backup(build.output());
          backups.add(backup);
          walls.add(build.time());
          return build.time().minus(backup);
        }),
        Contender.of("flyway", () -> databases.recreate(flywayDatabase),
            () -> P1PatchApply.last(lastFlyway, Forks.expect(forks.flyway("p2-flyway", flywayProject,
                flywayDatabase, "flyway:migrate"), "Successfully applied " + released.size() + " migrations")))));

    for (String name : List.of(zero, production, flywayDatabase)) {
      databases.drop(name);
    }
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
        + " concatenated in hop's order. ", backup.describe(), wall.describe(),
        wall.median().toNanos() / (double) samples.get("flyway").median().toNanos(), released.size(),
        History.files(released)) + whereTheTimeGoes(lastHop.get(), lastFlyway.get(),
        TARGET * samples.get("flyway").median().toNanos() / 1e9);
    return List.of(new Comparison("P2", what, samples.get("hop"), samples.get("flyway"), TARGET, note));
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
