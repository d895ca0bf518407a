package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.AppliedFilesCheck;
import dev.hop.core.workflow.DatabaseCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code check} found in a production database: its applied files compared with their releases in Git, and its
 * schema compared with its version's snapshot.
 *
 * @param database the database's name
 * @param version its version ({@code hop_last_release})
 * @param drifted whether anything differs (a released file or the schema)
 * @param files the released files that depart from what the database applied
 * @param releasesChecked the production releases whose applied files were compared
 * @param releasesWithoutRecords the releases the database holds with no applied file recorded (applied before hop
 *     recorded files, or loaded from a snapshot): not compared
 * @param schemaChecked whether the schema was compared (not with {@code -Dhop.checkSchema=false})
 * @param schema the objects of the schema that differ from the snapshot, in a stable order
 * @param took how long the goal ran
 */
public record CheckResult(String database, Version version, boolean drifted, List<FileDrift> files,
    List<Version> releasesChecked, List<Version> releasesWithoutRecords, boolean schemaChecked,
    List<SchemaDrift> schema, Duration took) {

  /**
   * A released file that departs.
   *
   * @param kind {@code EDITED}, {@code EDITED_SINCE_RELEASE}, {@code MISSING} or {@code UNRECORDED}
   * @param release the production release it belongs to
   * @param patch the patch id
   * @param path the file in the repository, {@code Patches/<id>/<file>}
   * @param description one line for the user
   */
  public record FileDrift(String kind, Version release, String patch, String path, String description) {
  }

  /**
   * An object of the schema that differs from the snapshot.
   *
   * @param kind {@code ADDED} (in the database only), {@code REMOVED} (in the snapshot only) or {@code CHANGED}
   * @param object the object as pg_dump names it, e.g. {@code TABLE public.film}
   * @param detail for a change, the first line that differs; else empty
   */
  public record SchemaDrift(String kind, String object, String detail) {
    /** One line for the user. */
    public String description() {
      return new SchemaDiff.Difference(SchemaDiff.Kind.valueOf(kind), object, detail).describe();
    }
  }

  public CheckResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
    releasesChecked = List.copyOf(releasesChecked);
    releasesWithoutRecords = List.copyOf(releasesWithoutRecords);
    schema = List.copyOf(schema);
    Objects.requireNonNull(took, "took");
  }

  /** The result of {@code checked}, whose files and schema compared as given. */
  static CheckResult of(DatabaseCheck checked, AppliedFilesCheck.Outcome files, List<SchemaDiff.Difference> schema,
      Duration took) {
    List<FileDrift> fileDrifts = files.findings().stream().map(f -> new FileDrift(f.kind().name(), f.release(),
        f.patch(), f.path(), f.describe())).toList();
    List<SchemaDrift> schemaDrifts = schema.stream().map(d -> new SchemaDrift(d.kind().name(), d.object(),
        d.detail())).toList();
    return new CheckResult(checked.database().name(), checked.version(), !fileDrifts.isEmpty()
        || !schemaDrifts.isEmpty(), fileDrifts, files.checked(), files.withoutRecords(), checked.comparesSchema(),
        schemaDrifts, took);
  }

  /** What was found, one line each; when something differs, the last line says what to do. */
  public List<String> lines(CommandHints hints) {
    List<String> lines = new ArrayList<>();
    lines.add("Database " + database + " is at " + version);
    lines.add("Applied files: " + (releasesChecked.isEmpty() ? "no release with recorded files"
        : files.isEmpty() ? "as released (" + list(releasesChecked) + ")"
        : files.size() + " released file" + (files.size() == 1 ? "" : "s") + " differ"));
    files.forEach(f -> lines.add("  " + f.description()));
    if (!releasesWithoutRecords.isEmpty()) {
      lines.add("Releases applied with no file recorded (before hop, or from a snapshot), not compared: "
          + list(releasesWithoutRecords));
    }
    lines.add("Schema: " + (!schemaChecked ? "not compared (hop.checkSchema=false)"
        : schema.isEmpty() ? "as the snapshot of " + version + " (model/schema-" + version + ".sql)"
        : schema.size() + " object" + (schema.size() == 1 ? "" : "s") + " differ from model/schema-" + version
            + ".sql"));
    schema.forEach(d -> lines.add("  " + d.description()));
    if (drifted) {
      lines.add("A released file is never edited and production's schema changes only through patches: undo the"
          + " edit in Git (git checkout v<version> -- <file>), and bring a change made by hand into a patch ("
          + hints.command("patch-new", "id", "<id>") + ") or undo it in the database; then run "
          + hints.command("check"));
    }
    return lines;
  }

  private static String list(List<Version> versions) {
    return versions.stream().map(Version::toString).collect(Collectors.joining(", "));
  }
}
