package dev.hop.bench;

import dev.hop.bench.history.History;
import dev.hop.bench.history.HistoryShape;
import dev.hop.bench.history.Patch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * P3: the nothing-to-do runs on a long history: {@code hop:status} and {@code hop:upgrade} on a production host's
 * ho-prod whose database is at the last of 100 releases of 50 patches (5,000 patches), against {@code flyway:migrate}
 * of the same 5,000 migrations already applied; and hop's growth from a 1,000-patch history (the first 20 releases
 * of the same seed) to the 5,000-patch one.
 */
final class P3NothingToDo implements Measure {

  private static final int PATCHES_PER_RELEASE = 50;
  private static final double TARGET = 0.5;
  private static final double GROWTH_LIMIT = 0.3;

  @Override
  public String id() {
    return "p3";
  }

  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    Workloads.HopWorkload small = Workloads.hop(context, "h1000", HistoryShape.released(20, PATCHES_PER_RELEASE));
    Workloads.HopWorkload large = Workloads.hop(context, "h5000", HistoryShape.released(100, PATCHES_PER_RELEASE));
    List<Patch> patches = large.history().released();
    Path flywayProject = Workloads.flyway(context, "p3-flyway", patches);
    ServerDatabases databases = new ServerDatabases(context.server());
    String flywayDatabase = "bench_p3_flyway";
    databases.recreate(flywayDatabase);
    Forks forks = new Forks(context);
    long start = System.nanoTime();
    Forks.expect(forks.flyway("p3-flyway-setup", flywayProject, flywayDatabase, "flyway:migrate"),
        "Successfully applied " + patches.size() + " migrations");
    context.log().printf("  set-up: flyway:migrate of %d migrations in %.1f s%n", patches.size(),
        (System.nanoTime() - start) / 1e9);

    Map<String, AtomicReference<MavenRunner.Build>> last = new LinkedHashMap<>();
    for (String side : List.of("status-5000", "upgrade-5000", "flyway-5000")) {
      last.put(side, new AtomicReference<>());
    }
    Map<String, Samples> samples = context.interleaved().run("P3", List.of(
        status(forks, "status-5000", large, last.get("status-5000")),
        upgrade(forks, "upgrade-5000", large, last.get("upgrade-5000")),
        Contender.of("flyway-5000", () -> { },
            () -> P1PatchApply.last(last.get("flyway-5000"), Forks.expect(forks.flyway("p3-flyway", flywayProject,
                flywayDatabase, "flyway:migrate"), "No migration necessary"))),
        status(forks, "status-1000", small, new AtomicReference<>()),
        upgrade(forks, "upgrade-1000", small, new AtomicReference<>()),
        floor(forks, "validate", large, "validate"),
        floor(forks, "hop-help", large, "hop:help")));

    databases.drop(flywayDatabase);
    databases.drop(small.production());
    databases.drop(large.production());
    String on = String.format("%,d-patch history (%d releases, %,d SQL files)", patches.size(),
        large.history().releases().size(), History.files(patches));
    String note = "Production host's clone on ho-prod; origin (a bare repository on disk) has ho-prod, one ho-patch/<n>"
        + " tag and one ho-release/X.Y.Z/<id> branch per patch, and an rc and a release tag per release; the work"
        + " tree holds every Patches/<id>/, the model snapshots of every release and the generated code. hop:status"
        + " and hop:upgrade fetch origin first, only the refs they read (status: ho-prod, the patch branches and the"
        + " lock tag; upgrade: ho-prod and the release tags), through git-upload-pack with protocol v2 since origin"
        + " is on disk (so origin lists only those refs), on a thread of their own while they read the release"
        + " files and the database; upgrade also takes its lock and checks that its release files are ho-prod's."
        + " Flyway: one migration per patch, validated on migrate. " + whereTheTimeGoes(last,
        TARGET * samples.get("flyway-5000").medianSeconds()) + " " + floorNote(samples, TARGET);
    Samples flyway = samples.get("flyway-5000");
    return List.of(
        new Comparison("P3", "hop:status on a " + on + " vs flyway:migrate with nothing to do (" + patches.size()
            + " migrations)", samples.get("status-5000"), flyway, TARGET, note),
        new Comparison("P3", "hop:upgrade with nothing to do on a " + on + " vs flyway:migrate with nothing to do ("
            + patches.size() + " migrations)", samples.get("upgrade-5000"), flyway, TARGET, ""),
        Comparison.growth("P3", "hop:status growth from 1,000 to 5,000 patches (hop column: 5,000; peer column:"
            + " 1,000)", samples.get("status-5000"), samples.get("status-1000"), GROWTH_LIMIT, ""),
        Comparison.growth("P3", "hop:upgrade (nothing to do) growth from 1,000 to 5,000 patches (hop column: 5,000;"
            + " peer column: 1,000)", samples.get("upgrade-5000"), samples.get("upgrade-1000"), GROWTH_LIMIT, ""));
  }

  private static Contender status(Forks forks, String name, Workloads.HopWorkload workload,
      AtomicReference<MavenRunner.Build> last) {
    Path dir = workload.project().dir();
    return Contender.of(name, () -> { }, () -> P1PatchApply.last(last, Forks.expect(forks.hop("p3-" + name, dir,
        workload.production(), "hop:status"), "Database version: " + workload.history().productionVersion())));
  }

  private static Contender upgrade(Forks forks, String name, Workloads.HopWorkload workload,
      AtomicReference<MavenRunner.Build> last) {
    Path dir = workload.project().dir();
    return Contender.of(name, () -> { }, () -> P1PatchApply.last(last, Forks.expect(forks.hop("p3-" + name, dir,
        workload.production(), "hop:upgrade"), "is at " + workload.history().productionVersion()
        + ": nothing to upgrade")));
  }

  /**
   * A side that measures the start-up every goal pays, in the same loop: {@code mvn validate} (Maven alone) or
   * {@code mvn hop:help} (Maven with hop's plugin loaded, no work).
   */
  private static Contender floor(Forks forks, String name, Workloads.HopWorkload workload, String goal) {
    Path dir = workload.project().dir();
    return Contender.of(name, () -> { }, () -> Forks.expect(forks.hop("p3-" + name, dir, workload.production(), goal),
        "BUILD SUCCESS").time());
  }

  /**
   * The start-up sides, and what they leave of the time the target allows: what hop's goals can spend on their own
   * work, against what they spent (medians; the goal's own work is its time beyond {@code mvn hop:help}'s).
   */
  static String floorNote(Map<String, Samples> samples, double target) {
    double validate = samples.get("validate").medianSeconds();
    double help = samples.get("hop-help").medianSeconds();
    double allowed = target * samples.get("flyway-5000").medianSeconds();
    return "Start-up alone, in the same loop: mvn validate on the hop project " + samples.get("validate").describe()
        + ", mvn hop:help (hop's plugin loaded, no work) " + samples.get("hop-help").describe() + ". Of the "
        + LogTimes.seconds(allowed) + " the target allows hop at 5,000 patches, Maven's start-up takes "
        + LogTimes.seconds(validate) + " and loading hop's plugin " + LogTimes.seconds(help - validate)
        + ", which leaves " + LogTimes.seconds(allowed - help) + " for a goal's own work; hop:status spent "
        + LogTimes.seconds(samples.get("status-5000").medianSeconds() - help) + " on it and hop:upgrade "
        + LogTimes.seconds(samples.get("upgrade-5000").medianSeconds() - help) + " (medians).";
  }

  /** The last round's split: each side's wall time against Maven's own Total time (and Flyway's execution). */
  private static String whereTheTimeGoes(Map<String, AtomicReference<MavenRunner.Build>> last, double allowed) {
    StringBuilder text = new StringBuilder("Last round at 5,000:");
    for (Map.Entry<String, AtomicReference<MavenRunner.Build>> side : last.entrySet()) {
      MavenRunner.Build build = side.getValue().get();
      text.append(' ').append(side.getKey()).append(' ').append(LogTimes.seconds(build.time().toNanos() / 1e9))
          .append(" (Maven's Total time ").append(LogTimes.seconds(LogTimes.mavenTotal(build.output())));
      if (side.getKey().startsWith("flyway")) {
        text.append(", validate and check ").append(LogTimes.seconds(LogTimes.flywayExecution(build.output())));
      }
      text.append(");");
    }
    return text.append(" the target allows hop ").append(LogTimes.seconds(allowed)).append('.').toString();
  }
}
