package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void passwordsNeverShowInAFailedBuildsCommand() {
    assertThat(MavenRunner.masked(List.of("hop:upgrade", "-Dhop.password=s3cret", "-Dflyway.password=x",
        "-Dhop.user=postgres"))).containsExactly("hop:upgrade", "-Dhop.password=******", "-Dflyway.password=******",
        "-Dhop.user=postgres");
  }
}
