package dev.hop.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.DevDbResult;
import dev.hop.core.PatchAddResult;
import dev.hop.core.StatusResult;
import dev.hop.core.UpgradeResult;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.RepositoryStateException;
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
        List.of(new StatusResult.PatchBranch("ho-patch/3-x", true, false, true)), Optional.empty(), false,
        List.of("Patches/1-a/01.sql"));

    assertThat(ResultJson.of(result)).isEqualTo("{\"branch\":\"ho-patch/3-x\",\"productionVersion\":\"0.0.0\","
        + "\"databaseVersion\":\"unreachable: no \\\"db\\\"\","
        + "\"activeRc\":{\"release\":\"0.1.0-rc1\",\"version\":\"0.1.0\",\"patches\":[\"1-a\"]},"
        + "\"stages\":[{\"release\":\"0.1.0-stage\",\"version\":\"0.1.0\",\"patches\":[]}],"
        + "\"patchBranches\":[{\"name\":\"ho-patch/3-x\",\"local\":true,\"origin\":false,\"mustMergeHoProd\":true}],"
        + "\"lock\":null,\"originReached\":false,\"pending\":[\"0.1.0-rc1 waits for production\"],"
        + "\"editedReleasedFiles\":[\"Patches/1-a/01.sql\"]}");
  }

  @Test
  void anyResultIsWrittenWithItsComponentsInOrderAndNeverItsSecrets() {
    DevDbResult devDb = new DevDbResult("jdbc:postgresql://127.0.0.1:5/shop", Optional.of("postgres"),
        Secret.of("s3cret"), true, Optional.of("0.1.0"));
    PatchAddResult added = new PatchAddResult(new PatchId("1-a"), ReleaseName.stage(V010), List.of(new PatchId("1-a")),
        "Tests run: 1", "abc1234", "ho-release/0.1.0/1-a", Duration.ofMillis(1234));

    assertThat(ResultJson.done("dev-db", devDb)).isEqualTo("{\"format\":1,\"goal\":\"dev-db\",\"outcome\":\"done\","
        + "\"url\":\"jdbc:postgresql://127.0.0.1:5/shop\",\"user\":\"postgres\",\"embedded\":true,"
        + "\"createdAt\":\"0.1.0\"}").doesNotContain("s3cret");
    assertThat(ResultJson.done("patch-add", added)).isEqualTo("{\"format\":1,\"goal\":\"patch-add\","
        + "\"outcome\":\"done\",\"patch\":\"1-a\",\"stage\":\"0.1.0-stage\",\"stagePatches\":[\"1-a\"],"
        + "\"tests\":\"Tests run: 1\",\"commit\":\"abc1234\",\"archivedAs\":\"ho-release/0.1.0/1-a\","
        + "\"took\":1234}");
  }

  @Test
  void aRefusalCarriesTheTypeTheReasonAndTheMessage() {
    RepositoryStateException refused = new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, "",
        List.of("a.txt"), "Repository is not clean. Run: git stash");

    assertThat(ResultJson.notDone("patch-new", refused, true)).isEqualTo("{\"format\":1,\"goal\":\"patch-new\","
        + "\"outcome\":\"refused\",\"error\":{\"type\":\"RepositoryStateException\",\"reason\":\"NOT_CLEAN\","
        + "\"message\":\"Repository is not clean. Run: git stash\"}}");
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
