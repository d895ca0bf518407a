package dev.hop.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.StatusResult;
import dev.hop.core.UpgradeResult;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

  private static final Version V010 = new Version(0, 1, 0);
  private static final List<UpgradeResult.Release> ONE = List.of(
      new UpgradeResult.Release(V010, List.of("1-a"), 2, Duration.ZERO));

  @Test
  void statusEscapesAndWritesNullForAbsentValues() {
    StatusResult result = new StatusResult("ho-patch/3-x", Version.ZERO, "unreachable: no \"db\"",
        Optional.of(new StatusResult.Release(ReleaseName.rc(V010, 1), List.of(new PatchId("1-a")))),
        List.of(new StatusResult.Release(ReleaseName.stage(V010), List.of())),
        List.of(new StatusResult.PatchBranch("ho-patch/3-x", true, false, true)), Optional.empty(), false);

    assertThat(ResultJson.of(result)).isEqualTo("{\"branch\":\"ho-patch/3-x\",\"productionVersion\":\"0.0.0\","
        + "\"databaseVersion\":\"unreachable: no \\\"db\\\"\","
        + "\"activeRc\":{\"release\":\"0.1.0-rc1\",\"version\":\"0.1.0\",\"patches\":[\"1-a\"]},"
        + "\"stages\":[{\"release\":\"0.1.0-stage\",\"version\":\"0.1.0\",\"patches\":[]}],"
        + "\"patchBranches\":[{\"name\":\"ho-patch/3-x\",\"local\":true,\"origin\":false,\"mustMergeHoProd\":true}],"
        + "\"lock\":null,\"originReached\":false}");
  }

  @Test
  void aDryRunOfAMissingDatabaseWouldCreateIt() {
    UpgradeResult dry = new UpgradeResult(UpgradeResult.Status.DRY_RUN, "shop", true, Version.ZERO, V010, ONE,
        Optional.empty(), Optional.of(Path.of("plan.sql")), Duration.ofMillis(5));

    assertThat(ResultJson.of(dry)).isEqualTo("{\"goal\":\"upgrade\",\"status\":\"DRY_RUN\",\"database\":\"shop\","
        + "\"created\":false,\"wouldCreate\":true,\"from\":\"0.0.0\",\"to\":\"0.1.0\","
        + "\"releases\":[{\"version\":\"0.1.0\",\"patches\":[\"1-a\"],\"files\":2,\"millis\":0}],"
        + "\"backup\":null,\"planFile\":\"plan.sql\"}");
  }

  @Test
  void anUpgradeThatCreatedTheDatabaseSaysSoWithoutWouldCreate() {
    UpgradeResult upgraded = new UpgradeResult(UpgradeResult.Status.UPGRADED, "shop", true, Version.ZERO, V010,
        ONE, Optional.of(Path.of("b.dump")), Optional.empty(), Duration.ofMillis(1500));

    assertThat(ResultJson.of(upgraded)).contains("\"created\":true,\"from\"").doesNotContain("wouldCreate")
        .contains("\"backup\":\"b.dump\"");
  }

  @Test
  void aDryRunOfAnExistingDatabaseCreatesNothing() {
    UpgradeResult dry = new UpgradeResult(UpgradeResult.Status.DRY_RUN, "shop", false, Version.ZERO, V010, ONE,
        Optional.empty(), Optional.empty(), Duration.ZERO);

    assertThat(ResultJson.of(dry)).contains("\"created\":false,\"wouldCreate\":false,");
  }
}
