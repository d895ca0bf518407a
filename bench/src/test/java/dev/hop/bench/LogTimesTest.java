package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogTimesTest {

  private static final String HOP = """
      [INFO] --- hop-maven-plugin:0.1.0-SNAPSHOT:patch-apply (default-cli) @ h300-hop ---
      [INFO] Restored bench_p1_dev to production 0.10.0 in 0.56 s (template reused)
      [INFO] Restore bench_p1_dev to production 0.10.0 (0.57 s)
      [INFO] Applied patch 301-rows: 3 scripts in 0.03 s
      [INFO] Apply patch 301-rows (0.11.0-stage, from ho-release/0.11.0/301-rows) (0.04 s)
      [INFO] Apply patch 304-count (ho-patch/304-count, from working tree) (0.01 s)
      [INFO] Generate code into src/main/java/bench/db (0.68 s)
      [INFO] Patch 304-count applied on bench_p1_dev (production 0.10.0 + 2 patch(es)) in 1.67 s; code: written 4
      [INFO] Total time:  2.128 s
      """;

  @Test
  void readsHopsStepLinesAndMavensTotal() {
    Map<String, Double> steps = LogTimes.hopSteps(HOP);

    assertThat(steps).containsKeys("Restore bench_p1_dev to production 0.10.0",
        "Generate code into src/main/java/bench/db").hasSize(4);
    assertThat(LogTimes.sum(steps, "Apply patch")).isCloseTo(0.05, within(1e-9));
    assertThat(LogTimes.mavenTotal(HOP)).isEqualTo(2.128);
    assertThat(LogTimes.mavenTotal("[INFO] Total time:  01:02 min\n")).isEqualTo(62.0);
    assertThat(LogTimes.mavenTotal("no build")).isEqualTo(-1);
  }

  @Test
  void addsUpFlywaysExecutionTimes() {
    String flyway = """
        [INFO] Successfully cleaned schema "public" (execution time 00:00.172s)
        [INFO] Successfully validated 304 migrations (execution time 00:00.050s)
        [INFO] Successfully applied 304 migrations to schema "public", now at version v304 (execution time 01:00.810s)
        """;

    assertThat(LogTimes.flywayExecution(flyway)).isCloseTo(61.032, within(1e-9));
  }
}
