package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeResultTest {

  private static final Version V010 = new Version(0, 1, 0);
  private static final List<UpgradeResult.Release> ONE = List.of(
      new UpgradeResult.Release(V010, List.of("1-a"), 2, Duration.ZERO));

  @Test
  void aDryRunOfAMissingDatabaseSaysItWouldCreateIt() {
    UpgradeResult dry = new UpgradeResult(UpgradeResult.Status.DRY_RUN, "shop", true, Version.ZERO, V010, ONE,
        Optional.empty(), Optional.of(Path.of("plan.sql")), Duration.ofMillis(5));

    assertThat(dry.summary()).isEqualTo("Would create shop at production 0.0.0; Dry run: shop would go from 0.0.0"
        + " to 0.1.0 (1 release); nothing changed; plan SQL: plan.sql");
  }

  @Test
  void anUpgradeThatCreatedTheDatabaseSaysSo() {
    UpgradeResult upgraded = new UpgradeResult(UpgradeResult.Status.UPGRADED, "shop", true, Version.ZERO, V010,
        ONE, Optional.of(Path.of("b.dump")), Optional.empty(), Duration.ofMillis(1500));

    assertThat(upgraded.summary()).isEqualTo("Created shop at production 0.0.0; Upgraded shop from 0.0.0 to 0.1.0"
        + " (1 release) in 1.50 s; backup: b.dump");
  }

  @Test
  void aDryRunOfAnExistingDatabaseCreatesNothing() {
    UpgradeResult dry = new UpgradeResult(UpgradeResult.Status.DRY_RUN, "shop", false, Version.ZERO, V010, ONE,
        Optional.empty(), Optional.empty(), Duration.ZERO);

    assertThat(dry.summary()).startsWith("Dry run: shop would go");
  }
}
