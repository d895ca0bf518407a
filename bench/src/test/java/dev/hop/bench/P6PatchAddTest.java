package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class P6PatchAddTest {

  private static final String HOP = """
      [INFO] Merge 31 branches into temp-valid-0.2.0 (0.41 s)
      [INFO] [tests] [INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s -- in bench.db.AT
      [INFO] [tests] [INFO] Tests run: 40, Failures: 0, Errors: 0, Skipped: 0
      [INFO] [tests] [INFO] BUILD SUCCESS
      [INFO] [tests] [INFO] Total time:  6.123 s
      [INFO] Validation of 41-rows into 0.2.0-stage: 40 tests passed
      [INFO] Total time:  11.004 s
      """;

  @Test
  void readsTheForkedTestBuildsTotalTimeNotHopsOwn() {
    assertThat(P6PatchAdd.forkedTotal(HOP)).isEqualTo(6.123);
    assertThat(P6PatchAdd.forkedTotal("[INFO] Total time:  11.004 s")).isZero();
  }

  @Test
  void countsTheTestsOfSurefiresSummaryLine() {
    assertThat(P6PatchAdd.testsRun(HOP)).isEqualTo("40");
    assertThat(P6PatchAdd.testsRun("[INFO] BUILD SUCCESS")).isEqualTo("?");
  }
}
