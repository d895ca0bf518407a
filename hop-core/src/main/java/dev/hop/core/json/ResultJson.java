package dev.hop.core.json;

import dev.hop.core.StatusResult;
import dev.hop.core.UpdateResult;
import dev.hop.core.UpgradeResult;
import dev.hop.core.base.Secret;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON documents of {@code -Dhop.output=json}, one per goal run: what was done (the result's keys), or what was
 * refused and why. Keys come in a fixed order; docs/configuration.md describes the shape.
 */
public final class ResultJson {

  private ResultJson() {
  }

  /** The format of the documents: a new key keeps it, a changed or removed one moves it on. */
  public static final int FORMAT = 1;

  /**
   * The document of a goal that did its work: {@code format}, {@code goal}, {@code outcome} ({@code done}), then
   * the result's own keys.
   */
  public static String done(String goal, Object result) {
    Map<String, Object> doc = header(goal, "done");
    doc.putAll(fields(result));
    return JsonText.of(doc);
  }

  /**
   * The document of a goal that did not do its work: {@code outcome} is {@code refused} (the user can fix it; the
   * message says how) or {@code failed} (Git, PostgreSQL or a tool failed), and {@code error} holds the exception's
   * type, its reason when it has one, and its message (which ends with the command to run next).
   */
  public static String notDone(String goal, Throwable error, boolean refused) {
    Map<String, Object> doc = header(goal, refused ? "refused" : "failed");
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("type", error.getClass().getSimpleName());
    detail.put("reason", reason(error));
    detail.put("message", error.getMessage());
    doc.put("error", detail);
    return JsonText.of(doc);
  }

  /** {@code hop:status}: branch, versions, active RC, stages, patch branches, lock, whether origin was reached. */
  public static String of(StatusResult result) {
    return JsonText.of(status(result));
  }

  /** {@code hop:update}: the database's version, the newer production releases and the upgrade path. */
  public static String of(UpdateResult result) {
    return JsonText.of(update(result));
  }

  /** {@code hop:upgrade}: what was (or, in a dry run, would be) applied, the backup and the plan file. */
  public static String of(UpgradeResult result) {
    return JsonText.of(upgrade(result));
  }

  private static Map<String, Object> header(String goal, String outcome) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("goal", goal);
    doc.put("outcome", outcome);
    return doc;
  }

  /** The keys of a result: the shapes of status, update and upgrade, else each record component in order. */
  private static Map<String, Object> fields(Object result) {
    if (result instanceof StatusResult status) {
      return status(status);
    }
    if (result instanceof UpdateResult update) {
      return update(update);
    }
    if (result instanceof UpgradeResult upgrade) {
      return upgrade(upgrade);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    if (result instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object value = component(record, component);
        if (!(value instanceof Secret)) {
          fields.put(component.getName(), value(value));
        }
      }
    }
    return fields;
  }

  /**
   * A component's value as JSON takes it: a result's own records as objects, durations in milliseconds, other values
   * (versions, patch ids, release names, paths) by their text, never a secret.
   */
  private static Object value(Object value) {
    if (value == null || value instanceof Boolean || value instanceof Number || value instanceof String) {
      return value;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(ResultJson::value).orElse(null);
    }
    if (value instanceof Duration duration) {
      return duration.toMillis();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Secret) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ResultJson::value).toList();
    }
    if (value instanceof Record record && record.getClass().getPackageName().equals("dev.hop.core")) {
      return fields(record);
    }
    return value.toString();
  }

  private static Object component(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }

  /** The exception's {@code reason()}, when it has one (the refusals of hop's families do). */
  private static Object reason(Throwable error) {
    try {
      Object reason = error.getClass().getMethod("reason").invoke(error);
      return reason instanceof Enum<?> e ? e.name() : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, Object> status(StatusResult result) {
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
    json.put("pending", result.pending());
    json.put("editedReleasedFiles", result.editedReleasedFiles());
    return json;
  }

  private static Map<String, Object> update(UpdateResult result) {
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
    return doc;
  }

  private static Map<String, Object> upgrade(UpgradeResult result) {
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
    return doc;
  }

  private static Map<String, Object> release(StatusResult.Release release) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("release", release.name().toString());
    m.put("version", release.name().version().toString());
    m.put("patches", release.patches().stream().map(PatchId::value).toList());
    return m;
  }
}
