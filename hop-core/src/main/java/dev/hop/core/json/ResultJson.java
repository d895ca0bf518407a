package dev.hop.core.json;

import dev.hop.core.StatusResult;
import dev.hop.core.UpdateResult;
import dev.hop.core.UpgradeResult;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON documents of {@code -Dhop.output=json}: one per goal's result, keys in a fixed order. */
public final class ResultJson {

  private ResultJson() {
  }

  /** {@code hop:status}: branch, versions, active RC, stages, patch branches, lock, whether origin was reached. */
  public static String of(StatusResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("branch", result.branch());
    json.put("productionVersion", result.productionVersion().toString());
    json.put("databaseVersion", result.databaseVersion());
    json.put("activeRc", result.activeRc().map(ResultJson::release));
    json.put("stages", result.stages().stream().map(ResultJson::release).toList());
    json.put("patchBranches", result.patchBranches().stream().map(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", b.name());
      m.put("local", b.local());
      m.put("origin", b.onOrigin());
      m.put("mustMergeHoProd", b.mustMergeHoProd());
      return m;
    }).toList());
    json.put("lock", result.lock());
    json.put("originReached", result.originReached());
    return JsonText.of(json);
  }

  /** {@code hop:update}: the database's version, the newer production releases and the upgrade path. */
  public static String of(UpdateResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("goal", "update");
    doc.put("database", result.database());
    doc.put("databaseVersion", result.databaseVersion().toString());
    doc.put("productionVersion", result.productionVersion().toString());
    doc.put("pulled", result.pulled());
    doc.put("upToDate", result.upToDate());
    doc.put("newerReleases", result.newer().stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", r.version().toString());
      m.put("patches", r.patches().stream().map(PatchId::value).toList());
      return m;
    }).toList());
    doc.put("upgradePath", result.path().stream().map(Version::toString).toList());
    return JsonText.of(doc);
  }

  /** {@code hop:upgrade}: what was (or, in a dry run, would be) applied, the backup and the plan file. */
  public static String of(UpgradeResult result) {
    boolean dryRun = result.status() == UpgradeResult.Status.DRY_RUN;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("goal", "upgrade");
    doc.put("status", result.status().name());
    doc.put("database", result.database());
    doc.put("created", result.created() && !dryRun);
    if (dryRun) {
      doc.put("wouldCreate", result.created());
    }
    doc.put("from", result.from().toString());
    doc.put("to", result.to().toString());
    doc.put("releases", result.releases().stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", r.version().toString());
      m.put("patches", r.patches());
      m.put("files", r.files());
      m.put("millis", r.took().toMillis());
      return m;
    }).toList());
    doc.put("backup", result.backup().map(Path::toString).orElse(null));
    doc.put("planFile", result.planFile().map(Path::toString).orElse(null));
    return JsonText.of(doc);
  }

  private static Map<String, Object> release(StatusResult.Release release) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("release", release.name().toString());
    m.put("version", release.name().version().toString());
    m.put("patches", release.patches().stream().map(PatchId::value).toList());
    return m;
  }
}
