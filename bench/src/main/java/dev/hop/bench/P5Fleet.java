package dev.hop.bench;

import dev.hop.bench.history.ArchetypeModel;
import dev.hop.bench.history.FlywayProject;
import dev.hop.bench.history.GitRunner;
import dev.hop.bench.history.History;
import dev.hop.bench.history.HistoryShape;
import dev.hop.bench.history.ModelDatabase;
import dev.hop.bench.history.Patch;
import dev.hop.bench.history.Workdirs;
import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * P5: a fleet of tenant databases on one server, each at the history's first release, upgraded to its last (3
 * releases of 10 patches): hop's one {@code hop:upgrade -Dhop.databases=<pattern>} against (a) a shell loop of
 * {@code mvn flyway:migrate}, one per tenant, and (b) one JVM looping Flyway's API over the tenants
 * ({@code bench/flyway-fleet}, run with {@code mvn exec:java}); then the same with nothing to do over a larger fleet,
 * hop against (b).
 *
 * <p>Every run gets tenants of its own, copies of a template made untimed before it; none is dropped before every
 * measure has run (bench/README.md: creating files soon after many were deleted is slow on this machine). hop takes a
 * backup of each tenant (as it always does), Flyway none: the backups are counted in hop's time and reported apart,
 * from each database's {@code backupTook} in {@code target/hop/upgrade.json}. The shell loop takes as long as 200
 * Maven builds, so it runs once, after the interleaved rounds, each build timed by the script.
 */
final class P5Fleet implements Measure {

  static final HistoryShape SHAPE = HistoryShape.released(4, 10);
  private static final double TARGET_LOOP = 0.10;
  private static final double TARGET_API = 0.70;
  private static final double TARGET_IDLE = 0.5;
  /** hop's default -Dhop.parallel, which the measure leaves as it is. */
  private static final int PARALLEL = 4;
  private static final Pattern BACKUP_TOOK = Pattern.compile("\"backupTook\":(\\d+)");

  /** The tenants of each upgrade run; a smaller fleet for a trial run: {@code -Dbench.p5.tenants=20}. */
  private final int tenants = Integer.getInteger("bench.p5.tenants", 200);
  /** The tenants of the nothing-to-do runs. */
  private final int idleTenants = Integer.getInteger("bench.p5.idleTenants", 1000);
  /** The tenants the shell loop migrates (its time is scaled to {@link #tenants} when fewer). */
  private final int loopTenants = Math.min(tenants, Integer.getInteger("bench.p5.loopTenants", tenants));

  private final List<String> left = new ArrayList<>();

  @Override
  public String id() {
    return "p5";
  }

  /**
   * Runs with autovacuum off on the embedded server. Its launcher starts a worker every {@code autovacuum_naptime}
   * divided by the number of databases, and the measure makes thousands (every run's tenants, kept): by the second round
   * one or two workers were always running, a load that grew with each round and slowed the side using both cores
   * most. A fleet's server has its own tenants to vacuum, not the bench's copies of earlier runs. A server named by
   * HOP_TEST_JDBC_URL is left as it is configured.
   */
  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    boolean embedded = context.server().isEmbedded();
    if (embedded) {
      autovacuum(context, "ALTER SYSTEM SET autovacuum = off");
    }
    try {
      return measure(context);
    } finally {
      if (embedded) {
        autovacuum(context, "ALTER SYSTEM RESET autovacuum");
      }
    }
  }

  private static void autovacuum(BenchContext context, String change) throws SQLException {
    try (var c = context.server().maintenance(); var s = c.createStatement()) {
      s.execute(change);
      s.execute("SELECT pg_reload_conf()");
    }
  }

  private List<Comparison> measure(BenchContext context) throws Exception {
    Workloads.HopWorkload workload = Workloads.hop(context, "p5", SHAPE);
    History history = workload.history();
    List<Patch> released = history.released();
    String first = history.releases().get(0).version();
    String last = history.productionVersion();
    int firstPatches = history.releases().get(0).patches().size();
    int upgradedPatches = released.size() - firstPatches;
    Path flywayProject = Workloads.flyway(context, "p5-flyway", released);
    Path migrations = flywayProject.resolve(FlywayProject.MIGRATIONS);
    Path apiProject = apiProject(context);
    Path root = workload.project().dir().getParent();
    Path hopProject = root.resolve("p5-production");
    Workdirs.deleteTree(hopProject);
    new GitRunner(root.resolve("home")).run(root, "clone", "-q", "-b", "ho-prod",
        workload.project().origin().toString(), hopProject.toString());
    Path backups = hopProject.resolve("backups");
    Forks forks = new Forks(context);
    ServerDatabases databases = new ServerDatabases(context.server());
    Tenants fleet = new Tenants(context.server(), databases, left);

    long setUp = System.nanoTime();
    String zero = fleet.keep("bench_p5_zero");
    ModelDatabase.create(context.server(), zero, ArchetypeModel.read(ArchetypeModel.repository())).keep().close();
    String hopFirst = fleet.keep("bench_p5_hop_first");
    databases.copy(zero, hopFirst);
    Forks.expect(forks.hop("p5-hop-template", hopProject, hopFirst, "hop:upgrade", "-Dhop.toRelease=" + first),
        "Applied release " + first + ":");
    String flywayFirst = fleet.keep("bench_p5_flyway_first");
    databases.recreate(flywayFirst);
    Forks.expect(forks.flyway("p5-flyway-template", flywayProject, flywayFirst, "flyway:migrate",
        "-Dflyway.target=" + firstPatches), "Successfully applied " + firstPatches + " migrations");
    Workdirs.deleteTree(backups);
    context.log().printf("  set-up: P5 templates at %s in %.1f s%n", first, (System.nanoTime() - setUp) / 1e9);

    AtomicInteger hopRuns = new AtomicInteger();
    AtomicInteger apiRuns = new AtomicInteger();
    String[] hopPrefix = new String[1];
    Path apiUrls = root.resolve("p5-api-tenants.txt");
    List<Duration> backupSums = new ArrayList<>();
    List<Duration> backupEach = new ArrayList<>();
    String upgradedAll = tenants + " databases: " + tenants + " upgraded, 0 up to date, 0 failed";
    Map<String, Samples> samples = context.interleaved().run("P5", List.of(
        Contender.of("hop", () -> {
          Workdirs.deleteTree(backups);
          hopPrefix[0] = "p5h" + hopRuns.getAndIncrement() + "t";
          fleet.copies(hopFirst, hopPrefix[0], tenants);
        }, () -> {
          MavenRunner.Build build = Forks.expect(forks.hop("p5-hop", hopProject, zero, "hop:upgrade",
              "-Dhop.databases=" + hopPrefix[0] + "%", "-Dhop.output=json"), upgradedAll);
          List<Duration> each = backupTimes(hopProject.resolve("target/hop/upgrade.json"));
          if (each.size() != tenants) {
            throw new IllegalStateException(each.size() + " backup times in upgrade.json, not " + tenants);
          }
          backupSums.add(each.stream().reduce(Duration.ZERO, Duration::plus));
          backupEach.addAll(each);
          return build.time();
        }),
        Contender.of("flyway-api", () -> {
          List<String> names = fleet.copies(flywayFirst, "p5b" + apiRuns.getAndIncrement() + "t", tenants);
          fleet.writeUrls(apiUrls, names);
        }, () -> Forks.expect(api(context, apiProject, apiUrls, migrations, "p5-flyway-api"),
            tenants + " databases: " + tenants + " migrated, 0 up to date, 0 failed").time())));

    Path loopUrls = root.resolve("p5-loop-tenants.txt");
    fleet.writeUrls(loopUrls, fleet.copies(flywayFirst, "p5at", loopTenants));
    Loop loop = loop(context, flywayProject, loopUrls, root.resolve("p5-loop"), loopTenants);
    Samples loopSamples = new Samples("flyway-loop", List.of(loop.total().multipliedBy(tenants)
        .dividedBy(loopTenants)));
    context.log().printf("  P5 flyway-loop %d tenants %s s (one run)%n", loopTenants, Samples.seconds(loop.total()));

    // nothing to do: a fleet at the last release on either side
    String hopLast = fleet.keep("bench_p5_hop_last");
    databases.copy(hopFirst, hopLast);
    Forks.expect(forks.hop("p5-hop-template-last", hopProject, hopLast, "hop:upgrade"),
        "Applied release " + last + ":");
    Workdirs.deleteTree(backups);
    String flywayLast = fleet.keep("bench_p5_flyway_last");
    databases.copy(flywayFirst, flywayLast);
    Forks.expect(forks.flyway("p5-flyway-template-last", flywayProject, flywayLast, "flyway:migrate"),
        "Successfully applied " + upgradedPatches + " migrations");
    long idleSetUp = System.nanoTime();
    fleet.copies(hopLast, "p5nht", idleTenants);
    Path idleUrls = root.resolve("p5-idle-tenants.txt");
    fleet.writeUrls(idleUrls, fleet.copies(flywayLast, "p5nft", idleTenants));
    context.log().printf("  set-up: P5 %d + %d tenants at %s in %.1f s%n", idleTenants, idleTenants, last,
        (System.nanoTime() - idleSetUp) / 1e9);
    Map<String, Samples> idle = context.interleaved().run("P5 nothing to do", List.of(
        Contender.of("hop", () -> { }, () -> Forks.expect(forks.hop("p5-hop-idle", hopProject, zero,
            "hop:upgrade", "-Dhop.databases=p5nht%"), idleTenants + " databases: 0 upgraded, " + idleTenants
            + " up to date, 0 failed").time()),
        Contender.of("flyway-api", () -> { }, () -> Forks.expect(api(context, apiProject, idleUrls, migrations,
            "p5-flyway-api-idle"), idleTenants + " databases: 0 migrated, " + idleTenants + " up to date, 0 failed")
            .time())));

    Samples hop = samples.get("hop");
    Samples api = samples.get("flyway-api");
    Samples backupSum = new Samples("hop backups", backupSums.subList(1, backupSums.size()));
    Samples perBackup = new Samples("hop backup", backupEach.subList(tenants, backupEach.size()));
    // the backups ran PARALLEL at a time beside the other databases' work: their share of the wall time is their sum
    // over the threads
    Duration backupShare = backupSum.median().dividedBy(PARALLEL);
    double withoutBackups = (hop.median().toNanos() - backupShare.toNanos()) / (double) api.median().toNanos();
    String workloadText = String.format(Locale.ROOT, "%d tenant databases at %s upgraded to %s (%d releases × %d"
        + " patches, backups on)", tenants, first, last, history.releases().size() - 1, SHAPE.patchesPerRelease());
    String common = String.format(Locale.ROOT, "Each tenant is a copy (CREATE DATABASE … TEMPLATE, untimed, made"
        + " before its run) of a template brought to %s by the tool itself (hop:upgrade -Dhop.toRelease=%s;"
        + " flyway:migrate -Dflyway.target=%d), so %d patches (%d SQL files) are applied to each; every run has tenants"
        + " of its own, and none is dropped before the end of the bench; autovacuum is off while P5 runs (its launcher"
        + " would visit the bench's thousands of databases). hop: one `mvn hop:upgrade"
        + " -Dhop.databases=<pattern>` (the fleet listed from the server), -Dhop.parallel=%d (the default), Git"
        + " fetched, pulled and read once, then per tenant its lock, applied-files check, backup (pg_dump -Fc) and one"
        + " transaction. hop's backups are counted in its time (Flyway takes none) and timed apart from each"
        + " database's backupTook in upgrade.json: their sum over the %d tenants %s, one backup %s; running %d at a"
        + " time, they take about %s of hop's wall time (the sum / %d), without which the ratio to (b) would be %.2f."
        + " (b) is bench/flyway-fleet: Flyway's configuration built once, its data source changed per tenant, migrate()"
        + " in a loop, one JVM started by `mvn exec:java`: %s per tenant, against hop's %s. (a) is a bash loop of"
        + " `mvn flyway:migrate -Dflyway.url=…` over %d tenants, run once after the rounds (it takes as many Maven"
        + " builds): %s in all%s; one build %s.", first, first, firstPatches, upgradedPatches,
        History.files(released.subList(firstPatches, released.size())), PARALLEL, tenants, backupSum.describe(),
        perBackup.describe(), PARALLEL, seconds(backupShare), PARALLEL, withoutBackups,
        seconds(api.median().dividedBy(tenants)), seconds(hop.median().dividedBy(tenants)), loopTenants,
        seconds(loop.total()), loopTenants == tenants ? "" : String.format(Locale.ROOT,
            ", scaled to %d tenants for the ratio", tenants), loop.each().describe());
    String idleText = String.format(Locale.ROOT, "Nothing to do: %d tenants at %s on either side (copies made before"
        + " the rounds, the same in every round); hop: `mvn hop:upgrade -Dhop.databases=<pattern>`, which connects to"
        + " each tenant, takes its lock and reads its version, %d at a time; (b): migrate() per tenant, which validates"
        + " the applied migrations: %s per tenant against hop's %s.", idleTenants, last, PARALLEL,
        seconds(idle.get("flyway-api").median().dividedBy(idleTenants)),
        seconds(idle.get("hop").median().dividedBy(idleTenants)));
    return List.of(
        new Comparison("P5", "hop:upgrade of " + workloadText + " vs (a) a shell loop of mvn flyway:migrate per"
            + " tenant", hop, loopSamples, TARGET_LOOP, common),
        new Comparison("P5", "hop:upgrade of " + workloadText + " vs (b) one JVM looping Flyway's API over the"
            + " tenants", hop, api, TARGET_API, ""),
        new Comparison("P5", String.format(Locale.ROOT, "hop:upgrade with nothing to do over %d tenant databases vs"
            + " (b) Flyway's API loop", idleTenants), idle.get("hop"), idle.get("flyway-api"), TARGET_IDLE,
            idleText));
  }

  /**
   * Drops every database {@link #run} made, on a server named by HOP_TEST_JDBC_URL; the embedded server's data, these
   * databases with it, is deleted as the bench ends, and dropping some 4,600 databases one by one took ten minutes.
   */
  @Override
  public void cleanUp(BenchContext context) {
    if (context.server().isEmbedded()) {
      left.clear();
      return;
    }
    new ServerDatabases(context.server()).dropEach(left);
    if (!left.isEmpty()) {
      context.log().printf("== p5 clean-up: dropped its %d databases%n", left.size());
    }
    left.clear();
  }

  /** Copies bench/flyway-fleet into the work folder and compiles it (untimed). */
  private static Path apiProject(BenchContext context) throws Exception {
    Path source = context.work().getParent().getParent().resolve("flyway-fleet");
    Path dir = context.work().resolve("p5-flyway-api");
    Workdirs.deleteTree(dir);
    Files.createDirectories(dir.resolve("src/main/java"));
    Files.copy(source.resolve("pom.xml"), dir.resolve("pom.xml"));
    Files.copy(source.resolve("src/main/java/FlywayFleet.java"), dir.resolve("src/main/java/FlywayFleet.java"));
    context.maven().run("p5-flyway-api-compile", dir, Map.of(), List.of("-q", "compile"));
    return dir;
  }

  /** Runs bench/flyway-fleet over the JDBC URLs of {@code urls}. */
  private static MavenRunner.Build api(BenchContext context, Path project, Path urls, Path migrations, String log)
      throws IOException, InterruptedException {
    TestPostgres server = context.server();
    Map<String, String> environment = server.password() == null ? Map.of()
        : Map.of("HOP_BENCH_PASSWORD", server.password());
    return context.maven().run(log, project, environment, List.of("exec:java",
        "-Dexec.args=" + urls + " " + migrations + " " + server.user()));
  }

  /** The shell loop's time, and each build's. */
  record Loop(Duration total, Samples each) {
  }

  /**
   * Runs a bash loop of {@code mvn flyway:migrate}, one per line of {@code urls}, in the Flyway project; the script
   * times each build ({@code date +%s%N}) and appends its output to {@code <prefix>.log}.
   */
  private static Loop loop(BenchContext context, Path flywayProject, Path urls, Path prefix, int count)
      throws IOException, InterruptedException {
    TestPostgres server = context.server();
    Path script = Path.of(prefix + ".sh");
    Path log = Path.of(prefix + ".log");
    Path times = Path.of(prefix + "-times.txt");
    Files.deleteIfExists(log);
    Files.deleteIfExists(times);
    String mvn = context.maven().command().stream().map(P5Fleet::quoted).collect(Collectors.joining(" "));
    Files.writeString(script, """
        #!/usr/bin/env bash
        # The loop Flyway leaves its users to write for a fleet: one `mvn flyway:migrate` per tenant database.
        set -euo pipefail
        while read -r url; do
          start=$(date +%%s%%N)
          %s flyway:migrate -Dflyway.url="$url" -Dflyway.user=%s %s>> %s 2>&1
          echo $(( $(date +%%s%%N) - start )) >> %s
        done < %s
        """.formatted(mvn, quoted(server.user()), server.password() == null ? ""
        : "-Dflyway.password=\"$HOP_BENCH_PASSWORD\" ", quoted(log.toString()), quoted(times.toString()),
        quoted(urls.toString())), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(flywayProject.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (server.password() != null) {
      builder.environment().put("HOP_BENCH_PASSWORD", server.password());
    }
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    long successes = output.lines().filter(l -> l.contains("BUILD SUCCESS")).count();
    if (exit != 0 || successes != count) {
      throw new IllegalStateException("The flyway:migrate loop ended with exit " + exit + " after " + successes
          + " of " + count + " builds, see " + log + ":\n" + MavenRunner.tail(output, 40));
    }
    List<Duration> each = Files.readAllLines(times).stream().map(String::strip).filter(l -> !l.isEmpty())
        .map(l -> Duration.ofNanos(Long.parseLong(l))).toList();
    return new Loop(total, new Samples("flyway-loop build", each));
  }

  /** Each database's {@code backupTook} in hop's upgrade.json. */
  static List<Duration> backupTimes(Path json) throws IOException {
    Matcher m = BACKUP_TOOK.matcher(Files.readString(json, StandardCharsets.UTF_8));
    List<Duration> times = new ArrayList<>();
    while (m.find()) {
      times.add(Duration.ofMillis(Long.parseLong(m.group(1))));
    }
    return times;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String seconds(Duration d) {
    return Samples.seconds(d) + " s";
  }

  /** The tenant databases of the measure, copies of templates, every one remembered for the clean-up. */
  private static final class Tenants {
    private final TestPostgres server;
    private final ServerDatabases databases;
    private final List<String> made;

    Tenants(TestPostgres server, ServerDatabases databases, List<String> made) {
      this.server = server;
      this.databases = databases;
      this.made = made;
    }

    /** Remembers {@code name} for the clean-up. */
    String keep(String name) {
      made.add(name);
      return name;
    }

    /** {@code count} copies of {@code template}: {@code <prefix>0000} … */
    List<String> copies(String template, String prefix, int count) throws SQLException {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = keep(String.format(Locale.ROOT, "%s%04d", prefix, i));
        databases.copy(template, name);
        names.add(name);
      }
      return names;
    }

    /** Writes the JDBC URLs of {@code names}, one per line. */
    void writeUrls(Path file, List<String> names) throws IOException {
      Files.write(file, names.stream().map(server::jdbcUrl).toList(), StandardCharsets.UTF_8);
    }
  }
}
