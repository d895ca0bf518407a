package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Shard;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * upgrade over a fleet of 24 tenant databases on one server: shards that cover the fleet once, a dry run with one plan
 * per version, a database that fails mid-fleet (rolled back, the others upgraded, the summary says so), failFast, and
 * a second run that finishes the job.
 */
class FleetUpgradeIT {
  private static final TestPostgres PG = TestPostgres.get();
  private static final int TENANTS = 24;
  private static final int BROKEN = 7;

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void aFleetIsUpgradedInParallelAndAFailureStopsOnlyItsOwnDatabase() throws Exception {
    List<String> tenants = IntStream.range(0, TENANTS).mapToObj(i -> project.database(String.format("tenant_%02d", i)))
        .toList();
    project.call(tenants.get(0), hop -> hop.upgrade().setCreate(true).call());
    for (String tenant : tenants.subList(1, TENANTS)) {
      PG.execute(PG.maintenanceDatabase(), "CREATE DATABASE " + tenant + " TEMPLATE " + tenants.get(0));
    }
    release("1-items", "CREATE TABLE items (id int PRIMARY KEY);\n");
    release("2-tags", "CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);\n");
    String broken = tenants.get(BROKEN);
    PG.execute(broken, "CREATE TABLE tags (id int)");
    String pattern = project.database("tenant_%");

    FleetUpdateResult behind = project.call(hop -> hop.updateFleet().setDatabasePattern(Optional.of(pattern))
        .setParallel(3).call());
    assertThat(behind.databases()).hasSize(TENANTS).allSatisfy(d -> assertThat(d.path()).extracting(Object::toString)
        .containsExactly("0.1.0", "0.2.0"));

    Set<String> sharded = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      String shard = i + "/3";
      FleetUpgradeResult planned = project.call(hop -> hop.upgradeFleet().setDatabasePattern(Optional.of(pattern))
          .setShard(Optional.of(shard)).setDryRun(true).call());
      planned.databases().forEach(d -> assertThat(sharded.add(d.name())).as(d.name() + " in one shard").isTrue());
      assertThat(planned.databases()).allSatisfy(d -> assertThat(d.status()).isEqualTo("DRY_RUN"));
      assertThat(planned.planFiles()).singleElement().satisfies(plan -> assertThat(plan.getFileName().toString())
          .isEqualTo("upgrade-plan-0.0.0.sql"));
      assertThat(planned.shard()).contains(i + "/3");
    }
    assertThat(sharded).containsExactlyInAnyOrderElementsOf(tenants);
    assertThat(versions(tenants)).containsOnly("0.0.0");

    FleetUpgradeResult stopped = project.call(hop -> hop.upgradeFleet().setDatabasePattern(Optional.of(pattern))
        .setParallel(1).setFailFast(true).call());
    assertThat(statuses(stopped)).containsExactlyElementsOf(expected(BROKEN, "UPGRADED", "FAILED", "NOT_RUN"));

    FleetUpgradeResult first = project.call(hop -> hop.upgradeFleet().setDatabasePattern(Optional.of(pattern))
        .setParallel(4).call());

    assertThat(first.failed()).isTrue();
    assertThat(statuses(first)).containsExactlyElementsOf(expected(BROKEN, "UP_TO_DATE", "FAILED", "UPGRADED"));
    FleetUpgradeResult.Database failure = first.databases().get(BROKEN);
    assertThat(failure.name()).isEqualTo(broken);
    assertThat(failure.error().orElseThrow()).contains("tags", "already exists");
    assertThat(PG.hopVersion(broken)).as("rolled back to where it was").isEqualTo("0.0.0");
    assertThat(PG.queryValue(broken, "SELECT to_regclass('items') IS NULL")).isEqualTo("t");
    assertThat(first.lines(project.settings(broken).hints())).contains(TENANTS + " databases: 16 upgraded, 7 up to"
        + " date, 1 failed");
    List<String> afterFirst = versions(tenants);
    assertThat(afterFirst.stream().filter("0.2.0"::equals)).hasSize(TENANTS - 1);
    try (var backups = Files.list(project.dir().resolve("backups"))) {
      assertThat(backups.count()).as("one backup per database upgraded or tried").isEqualTo(TENANTS + 1L);
    }

    PG.execute(broken, "DROP TABLE tags");
    FleetUpgradeResult second = project.call(hop -> hop.upgradeFleet().setDatabasePattern(Optional.of(pattern))
        .call());

    assertThat(second.failed()).isFalse();
    assertThat(second.count("UPGRADED")).isEqualTo(1);
    assertThat(second.count("UP_TO_DATE")).isEqualTo(TENANTS - 1);
    assertThat(second.databases()).allSatisfy(d -> assertThat(d.backupTook().isPresent())
        .as("%s %s: a backup's time only where one was taken", d.name(), d.status())
        .isEqualTo(d.status().equals("UPGRADED")));
    assertThat(second.databases().get(BROKEN).backupTook().orElseThrow()).isPositive()
        .isLessThanOrEqualTo(second.databases().get(BROKEN).took());
    assertThat(versions(tenants)).containsOnly("0.2.0");

    String quarter = "1/4";
    List<String> inQuarter = tenants.stream().filter(t -> Shard.of(t, 4) == 1).toList();
    PG.execute(inQuarter.get(0), "CREATE TABLE notes (id int)");
    FleetCheckResult checked = project.call(hop -> hop.checkFleet().setDatabasePattern(Optional.of(pattern))
        .setShard(Optional.of(quarter)).setParallel(3).call());
    assertThat(checked.databases()).extracting(FleetCheckResult.Database::name)
        .containsExactlyElementsOf(inQuarter);
    assertThat(checked.count("DRIFTED")).isEqualTo(1);
    assertThat(checked.count("AS_RELEASED")).isEqualTo(inQuarter.size() - 1);
    assertThat(checked.lines()).contains("[" + inQuarter.get(0) + "] added: TABLE public.notes");
    FleetCheckResult stoppedCheck = project.call(hop -> hop.checkFleet().setDatabasePattern(Optional.of(pattern))
        .setShard(Optional.of(quarter)).setParallel(1).setFailFast(true).call());
    assertThat(stoppedCheck.databases()).extracting(FleetCheckResult.Database::status).first().isEqualTo("DRIFTED");
    assertThat(stoppedCheck.databases().subList(1, inQuarter.size())).extracting(FleetCheckResult.Database::status)
        .containsOnly("NOT_RUN");
    assertThat(stoppedCheck.lines()).contains(inQuarter.size() + " databases (shard 1/4): 0 as released, 1 drifted, "
        + (inQuarter.size() - 1) + " not checked");

    // databases behind that record the same applied files are compared with Git once; one whose record differs is
    // refused alone, whichever order they come in
    List<String> lagging = IntStream.range(0, 3).mapToObj(i -> project.database("behind_" + i)).toList();
    for (String b : lagging) {
      PG.execute(PG.maintenanceDatabase(), "CREATE DATABASE " + b + " TEMPLATE " + tenants.get(0));
      PG.execute(b, "DROP TABLE tags", "DELETE FROM half_orm_meta.hop_applied_patch WHERE release = '0.2.0'",
          "DELETE FROM half_orm_meta.hop_release WHERE minor = 2");
    }
    PG.execute(lagging.get(1), "UPDATE half_orm_meta.hop_applied_patch SET sha256 = repeat('0', 64)");
    FleetUpgradeResult third = project.call(hop -> hop.upgradeFleet()
        .setDatabasePattern(Optional.of(project.database("behind_%"))).setParallel(1).call());
    assertThat(statuses(third)).containsExactly("UPGRADED", "FAILED", "UPGRADED");
    assertThat(third.databases().get(1).error().orElseThrow()).contains("edited: Patches/1-items/01.sql");
  }

  /** The statuses {@code before}, {@code at} and {@code after} the broken database, in the fleet's order. */
  private static List<String> expected(int at, String before, String broken, String after) {
    List<String> statuses = new ArrayList<>();
    IntStream.range(0, TENANTS).forEach(i -> statuses.add(i < at ? before : i == at ? broken : after));
    return statuses;
  }

  private static List<String> statuses(FleetUpgradeResult result) {
    return result.databases().stream().map(FleetUpgradeResult.Database::status).toList();
  }

  /** A minor release of one patch, made as a team does; ends on ho-prod. */
  private void release(String id, String sql) throws Exception {
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch(id, Map.of("01.sql", sql));
    project.call(hop -> hop.patchApply().call());
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "Code of " + id);
    project.git("push", "-q", "origin", "ho-patch/" + id);
    project.git("switch", "-q", "ho-prod");
    project.call(hop -> hop.patchAdd().setId(id).call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());
  }

  private static List<String> versions(List<String> databases) throws SQLException {
    List<String> versions = new ArrayList<>();
    for (String database : databases) {
      versions.add(PG.hopVersion(database));
    }
    return versions;
  }



}
