package dev.hop.core.workflow;

import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PatchScript;
import dev.hop.core.db.PatchScripts;
import dev.hop.core.db.SessionReset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an upgrade plan as the SQL an upgrade runs, for review and for psql: one transaction for the whole
 * path, each patch followed by a session reset ({@link SessionReset}), every SQL file verbatim, the metadata rows hop
 * records, Java scripts as comments, and the transaction broken around {@code -- hop:no-transaction} files exactly
 * where the upgrade breaks it.
 */
public final class UpgradePlanSql {

  private UpgradePlanSql() {
  }

  /** The plan's SQL text. */
  public static String of(UpgradePlan plan, String database) {
    StringBuilder b = new StringBuilder();
    b.append("-- hop upgrade plan for database ").append(database).append(": ").append(plan.from()).append(" -> ")
        .append(plan.to()).append('\n')
        .append("-- Run with: psql -v ON_ERROR_STOP=1 -f upgrade-plan.sql (hop itself runs it through JDBC).\n")
        .append("-- Durations in hop_applied_patch are measured by the real upgrade; this plan records 0.\n")
        .append("BEGIN;\n")
        .append("\n-- hop's metadata where it is missing (a database of half_orm_dev lacks hop_applied_patch);"
            + " it changes nothing where it is complete\n").append(MetadataSchema.installSql());
    for (UpgradePlan.Release release : plan.releases()) {
      b.append("\n-- ==== release ").append(release.version()).append(" (tag ").append(release.tag()).append(", ")
          .append(release.commit()).append(") ====\n");
      for (UpgradePlan.Patch patch : release.patches()) {
        b.append("\n-- ---- patch ").append(patch.id()).append(" ----\n");
        List<String> records = new ArrayList<>();
        for (PatchScript script : PatchScripts.of(patch.files())) {
          append(b, release, patch, script, records);
        }
        b.append(SessionReset.SQL).append('\n');
        records.forEach(b::append);
      }
      b.append("\nINSERT INTO half_orm_meta.hop_release (major, minor, patch, pre_release, pre_release_num,"
          + " changelog, commit) VALUES (").append(release.version().major()).append(", ")
          .append(release.version().minor()).append(", ").append(release.version().patch()).append(", '', '', ")
          .append(literal(changelog(release))).append(", ").append(literal(release.commit())).append(");\n");
    }
    b.append("\nCOMMIT;\n");
    return b.toString();
  }

  /** The changelog hop records for a release: its patch ids. */
  public static String changelog(UpgradePlan.Release release) {
    List<String> ids = release.patches().stream().map(p -> p.id().value()).toList();
    return ids.isEmpty() ? "no patches" : "patches: " + String.join(", ", ids);
  }

  /**
   * Appends one file; its record waits in {@code records} for the end of the patch, unless a file that breaks the
   * transaction comes first (its COMMIT takes the records before it), as in the upgrade.
   */
  private static void append(StringBuilder b, UpgradePlan.Release release, UpgradePlan.Patch patch,
      PatchScript script, List<String> records) {
    String file = "Patches/" + patch.id() + "/" + script.name();
    if (script.breaksTransaction()) {
      records.forEach(b::append);
      records.clear();
    }
    if (script.kind() == PatchScript.Kind.JAVA) {
      b.append("-- file ").append(file).append(": Java script, run by hop with the java launcher (HOP_URL, ...);"
          + " it commits the work before it, so the upgrade relies on its backup:\n");
      b.append("COMMIT;\n");
      for (String line : new String(script.bytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        b.append("--   ").append(line).append('\n');
      }
      b.append("BEGIN;\n");
    } else {
      b.append("-- file ").append(file).append('\n');
      if (script.isNoTransaction()) {
        b.append("COMMIT;\n");
      }
      String text = new String(script.bytes(), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      b.append(text);
      if (!text.endsWith("\n")) {
        b.append('\n');
      }
      b.append(";\n");
      if (script.isNoTransaction()) {
        b.append("BEGIN;\n");
      }
    }
    records.add("INSERT INTO half_orm_meta.hop_applied_patch (release, patch_id, file, sha256, duration) VALUES ("
        + literal(release.version().toString()) + ", " + literal(patch.id().value()) + ", " + literal(script.name())
        + ", " + literal(script.sha256()) + ", interval '0');\n");
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
