package dev.hop.bench;

import dev.hop.bench.history.GitRunner;
import dev.hop.bench.history.History;
import dev.hop.bench.history.HistoryShape;
import dev.hop.bench.history.Patch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * P1: {@code hop:patch-apply} on the current patch's branch of a project whose production state holds 300 released
 * patches, with 3 stage patches (read from their archived branches) and the current patch, code generation
 * included; against {@code flyway:clean flyway:migrate} of the same 304 patches (one migration each).
 */
final class P1PatchApply implements Measure {

  static final HistoryShape SHAPE = new HistoryShape(10, 30, 3, true);
  static final String HISTORY = "h300";
  private static final double TARGET = 0.4;

  @Override
  public String id() {
    return "p1";
  }

  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    Workloads.HopWorkload workload = Workloads.hop(context, HISTORY, SHAPE);
    History history = workload.history();
    List<Patch> patches = history.patches();
    Path flywayProject = Workloads.flyway(context, "p1-flyway", patches);
    Path hopProject = workload.project().dir();
    GitRunner git = new GitRunner(hopProject.resolveSibling("home"));
    ServerDatabases databases = new ServerDatabases(context.server());
    String development = "bench_p1_dev";
    String flywayDatabase = "bench_p1_flyway";
    databases.recreate(flywayDatabase);
    databases.drop(development);
    Forks forks = new Forks(context);
    Patch current = history.current().orElseThrow();
    AtomicReference<MavenRunner.Build> lastHop = new AtomicReference<>();
    AtomicReference<MavenRunner.Build> lastFlyway = new AtomicReference<>();

    Map<String, Samples> samples = context.interleaved().run("P1", List.of(
        Contender.of("hop", () -> {
          git.run(hopProject, "reset", "-q", "--hard");
          git.run(hopProject, "clean", "-q", "-fd");
        }, () -> last(lastHop, Forks.expect(forks.hop("p1-hop", hopProject, development, "hop:patch-apply"),
            "Patch " + current.id() + " applied on " + development))),
        Contender.of("flyway", () -> { },
            () -> last(lastFlyway, Forks.expect(forks.flyway("p1-flyway", flywayProject, flywayDatabase,
                "flyway:clean", "flyway:migrate"), "Successfully applied " + patches.size() + " migrations")))));

    databases.drop(development);
    databases.drop(development + "__hop_" + history.productionVersion().replace('.', '_'));
    databases.drop(flywayDatabase);
    String what = String.format("hop:patch-apply (production %s = %d released patches; %d stage + 1 current patch"
        + " applied, code generated) vs flyway:clean flyway:migrate (%d migrations)", history.productionVersion(),
        history.released().size(), history.stage().size(), patches.size());
    String note = String.format("%d patches of 1–3 SQL files (%d files); Flyway has one migration per patch, its"
        + " files concatenated in hop's order (%d migrations, as the issue counts them). hop restores the production"
        + " state by cloning its template database (built during the untimed warm-up, reused as in a developer's loop),"
        + " reads the stage patches from their ho-release branches, and regenerates the code of every relation (the"
        + " production state's classes are committed, so only the new and changed ones are written); the work tree is"
        + " reset before each run. ", patches.size(), History.files(patches), patches.size())
        + whereTheTimeGoes(lastHop.get(), lastFlyway.get(), TARGET * samples.get("flyway").medianSeconds());
    return List.of(new Comparison("P1", what, samples.get("hop"), samples.get("flyway"), TARGET, note));
  }

  /** Keeps {@code build} as the last of its side and returns its time. */
  static Duration last(AtomicReference<MavenRunner.Build> last, MavenRunner.Build build) {
    last.set(build);
    return build.time();
  }

  /** The last round's split, from hop's step lines and Flyway's execution times. */
  static String whereTheTimeGoes(MavenRunner.Build hop, MavenRunner.Build flyway, double allowed) {
    Map<String, Double> steps = LogTimes.hopSteps(hop.output());
    double restore = LogTimes.sum(steps, "Restore ");
    double apply = LogTimes.sum(steps, "Apply patch ");
    double code = LogTimes.sum(steps, "Generate code ");
    double hopWall = hop.time().toNanos() / 1e9;
    double flywayWall = flyway.time().toNanos() / 1e9;
    double flywaySql = LogTimes.flywayExecution(flyway.output());
    return "Last round: hop " + LogTimes.seconds(hopWall) + " = restore " + LogTimes.seconds(restore)
        + " + stage and current patches " + LogTimes.seconds(apply) + " + code generation " + LogTimes.seconds(code)
        + " + " + LogTimes.seconds(hopWall - restore - apply - code) + " outside these steps (JVM and Maven start,"
        + " plugin loading, reading the branch and the stage patches from Git; Maven's own Total time "
        + LogTimes.seconds(LogTimes.mavenTotal(hop.output())) + "); Flyway " + LogTimes.seconds(flywayWall)
        + " = clean, validate and migrate " + LogTimes.seconds(flywaySql) + " + "
        + LogTimes.seconds(flywayWall - flywaySql) + " of JVM, Maven and Flyway start-up. The target allows hop "
        + LogTimes.seconds(allowed) + " in all.";
  }
}
