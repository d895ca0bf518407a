package dev.hop.core;

import dev.hop.core.base.CommandHints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code restore} put back, and what the database holds now.
 *
 * @param database the database's name
 * @param backup the backup restored
 * @param safetyBackup the backup of the state it replaced, taken first
 * @param before the release the database recorded before, when it recorded one
 * @param now the release it records now, when it records one
 * @param schemaChecked whether its schema was compared with the snapshot of {@code now}
 * @param schema the objects that differ from that snapshot, one line each (empty when equal or not compared)
 * @param took how long the goal ran
 */
public record RestoreResult(String database, Path backup, Path safetyBackup, Optional<String> before,
    Optional<String> now, boolean schemaChecked, List<String> schema, Duration took) {

  public RestoreResult {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(safetyBackup, "safetyBackup");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(now, "now");
    schema = List.copyOf(schema);
    Objects.requireNonNull(took, "took");
  }

  /** What happened and what the database holds, one line each. */
  public List<String> lines(CommandHints hints) {
    List<String> lines = new ArrayList<>();
    lines.add("Restored " + backup + " into " + database + " (the state it replaced, " + before.orElse("no release")
        + ", is in " + safetyBackup + ")");
    lines.add("Database " + database + " now holds " + now.map(v -> "release " + v).orElse("no release of hop"));
    if (schemaChecked) {
      lines.add(schema.isEmpty() ? "Its schema is the snapshot of " + now.orElse("") : "Its schema differs from the"
          + " snapshot of " + now.orElse("") + " in " + schema.size() + " object" + (schema.size() == 1 ? "" : "s")
          + ":");
      schema.forEach(line -> lines.add("  " + line));
    }
    lines.add("Next: " + hints.command("update") + ", then " + hints.command("upgrade"));
    return lines;
  }
}
