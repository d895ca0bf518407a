package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class P2UpgradeTest {

  @Test
  void readsTheBackupStepsDurationFromHopsLog() {
    String log = "[INFO] --- hop-maven-plugin:0.1.0-SNAPSHOT:upgrade (default-cli) @ p ---\n"
        + "[INFO] Backed up bench_p2_prod to /w/backups/bench_p2_prod-0.0.0-20261125T200749.915Z.dump (0.27 s)\n"
        + "[INFO] Applying release 0.1.0 (30 patches, tag v0.1.0)\n";

    assertThat(P2Upgrade.backup(log)).isEqualTo(Duration.ofMillis(270));
  }

  @Test
  void aRunWithoutBackupLineIsNoSample() {
    assertThatThrownBy(() -> P2Upgrade.backup("[INFO] Database p is at 0.1.0: nothing to upgrade\n"))
        .hasMessageContaining("No 'Backed up");
  }

  @Test
  void theLongestSqlTimeIsWhereHopsTimeMeetsTheTargetShareOfFlyways() {
    // 1.75 + s = 0.6 × (3.45 + s)  ⇔  s = 0.80
    assertThat(P2Upgrade.longestSql(1.75, 3.45, 0.6)).isCloseTo(0.80, within(1e-9));
    assertThat(P2Upgrade.longestSql(2.20, 3.45, 0.6)).isNegative();
  }

  @Test
  void theNoteGivesTheMediansAndTheLimit() {
    List<P2Upgrade.Split> hop = List.of(split(1.70, 0.90), split(1.75, 0.84), split(1.90, 1.20));
    List<P2Upgrade.Split> flyway = List.of(split(3.45, 1.06), split(3.50, 1.10), split(3.40, 1.00));

    assertThat(P2Upgrade.whyTheSqlDecides(hop, flyway, 0.6))
        .contains("hop 1.75 s around the releases' SQL + 0.90 s in it")
        .contains("Flyway 3.45 s around its validate and migrate + 1.06 s in them")
        .contains("only while the SQL takes at most 0.80 s on both sides ((0.6 × 3.45 − 1.75) / 0.4)")
        .endsWith("in this run the SQL took 0.90 s (hop) and 1.06 s (Flyway).");
    assertThat(P2Upgrade.whyTheSqlDecides(List.of(split(3.0, 1.0)), flyway, 0.6))
        .contains("within 0.6× of Flyway at no SQL time;");
  }

  @Test
  void aSplitTakesTheSqlOutOfTheRunsTime() {
    P2Upgrade.Split split = P2Upgrade.Split.of(Duration.ofMillis(2670), 0.84);

    assertThat(split.sql()).isEqualTo(Duration.ofMillis(840));
    assertThat(split.outside()).isEqualTo(Duration.ofMillis(1830));
  }

  private static P2Upgrade.Split split(double outside, double sql) {
    return new P2Upgrade.Split(Duration.ofMillis(Math.round(outside * 1000)),
        Duration.ofMillis(Math.round(sql * 1000)));
  }

  @Test
  void passwordsNeverShowInAFailedBuildsCommand() {
    assertThat(MavenRunner.masked(List.of("hop:upgrade", "-Dhop.password=s3cret", "-Dflyway.password=x",
        "-Dhop.user=postgres"))).containsExactly("hop:upgrade", "-Dhop.password=******", "-Dflyway.password=******",
        "-Dhop.user=postgres");
  }
}
