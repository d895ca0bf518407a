package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SQL text of an upgrade plan: one transaction, each patch followed by a session reset, files verbatim, Java as
 * comments, metadata rows (those of a patch after its closing reset, or before a COMMIT that breaks the transaction).
 */
class UpgradePlanSqlTest {
  /** The session reset after each patch, as the upgrade runs it. */
  private static final String RESET = "SET SESSION AUTHORIZATION DEFAULT; RESET ALL; DISCARD TEMP;\n";

  @Test
  void writesOneTransactionWithFilesInOrderAndTheReleaseRow() throws Exception {
    UpgradePlan plan = new UpgradePlan(Version.parse("1.0.0"), List.of(new UpgradePlan.Release(Version.parse("1.1.0"),
        "abc123", List.of(new UpgradePlan.Patch(PatchId.of("7-users"), files(
            "README.md", "# users",
            "02-data.sql", "INSERT INTO users VALUES (1)",
            "01-table.sql", "CREATE TABLE users (id int);\n",
            "03-fill.java", "class Fill { }\n"))))));

    String sql = UpgradePlanSql.of(plan, "shop");

    assertThat(sql).startsWith("-- hop upgrade plan for database shop: 1.0.0 -> 1.1.0\n")
        .containsSubsequence("BEGIN;\n", "-- ---- patch 7-users ----\n-- file Patches/7-users/01-table.sql\nCREATE TABLE users (id int);\n;\n",
            "-- file Patches/7-users/02-data.sql\nINSERT INTO users VALUES (1)\n;\n",
            "INSERT INTO half_orm_meta.hop_applied_patch (release, patch_id, file, sha256, duration) VALUES ('1.1.0',"
                + " '7-users', '01-table.sql', '",
            "INSERT INTO half_orm_meta.hop_applied_patch (release, patch_id, file, sha256, duration) VALUES ('1.1.0',"
                + " '7-users', '02-data.sql', '",
            "-- file Patches/7-users/03-fill.java: Java script", "COMMIT;\n--   class Fill { }\n", "BEGIN;\n",
            RESET, "INSERT INTO half_orm_meta.hop_applied_patch (release, patch_id, file, sha256, duration) VALUES"
                + " ('1.1.0', '7-users', '03-fill.java', '",
            "INSERT INTO half_orm_meta.hop_release (major, minor, patch, pre_release, pre_release_num, changelog,"
                + " commit) VALUES (1, 1, 0, '', '', 'patches: 7-users', 'abc123');\n",
            "COMMIT;\n")
        .doesNotContain("# users");
  }

  @Test
  void aNoTransactionFileRunsBetweenCommitAndBegin() throws Exception {
    UpgradePlan plan = new UpgradePlan(Version.ZERO, List.of(new UpgradePlan.Release(Version.parse("0.1.0"), "c",
        List.of(new UpgradePlan.Patch(PatchId.of("1"), files("01.sql",
            "-- hop:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);\n"))))));

    assertThat(UpgradePlanSql.of(plan, "db")).contains("-- file Patches/1/01.sql\nCOMMIT;\n-- hop:no-transaction\n"
        + "CREATE INDEX CONCURRENTLY i ON t (x);\n;\nBEGIN;\n");
  }

  private static SortedMap<String, byte[]> files(String... nameAndText) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i + 1 < nameAndText.length; i += 2) {
      files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }
}
