package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class P5FleetTest {

  @Test
  void readsEachDatabasesBackupTimeFromHopsUpgradeJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("upgrade.json");
    Files.writeString(json, "{\"format\":1,\"goal\":\"upgrade\",\"outcome\":\"done\",\"shard\":null,\"databases\":["
        + "{\"name\":\"t0\",\"status\":\"UPGRADED\",\"took\":1212,\"backup\":\"/b/t0.dump\",\"backupTook\":356},"
        + "{\"name\":\"t1\",\"status\":\"UP_TO_DATE\",\"took\":40,\"backup\":null,\"backupTook\":null},"
        + "{\"name\":\"t2\",\"status\":\"UPGRADED\",\"took\":647,\"backup\":\"/b/t2.dump\",\"backupTook\":238}],"
        + "\"planFiles\":[],\"took\":3717}");

    assertThat(P5Fleet.backupTimes(json)).containsExactly(Duration.ofMillis(356), Duration.ofMillis(238));
  }
}
