package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dry run's description of a plan: one transaction only when no file breaks it. */
class UpgradePlanReportTest {

  @Test
  void aPlanOfTransactionalFilesRunsInOneTransaction() throws Exception {
    assertThat(firstLine(plan("01.sql", "CREATE TABLE t (x int);\n")))
        .isEqualTo("Upgrade plan: 0.0.0 -> 0.1.0 in one transaction");
  }

  @Test
  void aNoTransactionFileOrAJavaScriptIsNamedAsBreakingIt() throws Exception {
    assertThat(firstLine(plan("01.sql", "-- hop:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);\n",
        "02.java", "class Fill {}\n")))
        .isEqualTo("Upgrade plan: 0.0.0 -> 0.1.0, not in one transaction: Patches/1-x/01.sql, Patches/1-x/02.java"
            + " commit the work before them, so a failure after that is undone by restoring the backup");
  }

  private static String firstLine(UpgradePlan plan) {
    List<HopEvent> events = new ArrayList<>();
    UpgradePlanReport.describe(plan, events::add);
    return events.get(0).message();
  }

  private static UpgradePlan plan(String... nameAndText) throws Exception {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i + 1 < nameAndText.length; i += 2) {
      files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new UpgradePlan(Version.ZERO, List.of(new UpgradePlan.Release(Version.parse("0.1.0"), "c",
        List.of(new UpgradePlan.Patch(PatchId.of("1-x"), files)))));
  }
}
