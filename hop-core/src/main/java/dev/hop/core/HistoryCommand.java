package dev.hop.core;

import dev.hop.core.db.AppliedScript;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.RecordedRelease;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the database of hop.url holds from its metadata ({@code hop_release}, {@code hop_applied_patch}),
 * changing nothing and reading nothing else: neither Git nor the embedded server. Refuses
 * ({@code HopUserException}) without hop.url, for a missing database or one without hop's metadata.
 */
public final class HistoryCommand extends HopCommand<HistoryResult> {
  static final String GOAL = "history";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ssxxx");

  HistoryCommand(Project project) {
    super(project);
  }

  @Override
  protected Changes<HistoryResult> check() throws HopException {
    ProductionDatabase database = ProductionDatabase.existing(project.settings(), GOAL);
    MetadataSchema metadata = new MetadataSchema();
    String version;
    List<RecordedRelease> recorded;
    List<AppliedScript> applied;
    try (Connection c = database.target().connect()) {
      version = database.release(c).toString();
      recorded = metadata.releases(c);
      applied = metadata.isComplete(c) ? metadata.applied(c) : List.of();
    } catch (SQLException e) {
      throw DatabaseException.of("read half_orm_meta", database.name(), database.server().describe(), e);
    }
    String current = version;
    return () -> {
      List<HistoryResult.Release> releases = new ArrayList<>();
      for (RecordedRelease r : recorded) {
        releases.add(0, new HistoryResult.Release(r.release().toString(), appliedAt(r), r.commit(),
            r.changelog(), patches(applied, r.release().toString())));
      }
      return new HistoryResult(database.name(), current, releases, took());
    };
  }

  private static Optional<String> appliedAt(RecordedRelease r) {
    return r.date().map(d -> d + r.time().map(t -> " " + TIME.format(t)).orElse(""));
  }

  /** The files recorded for {@code release}, grouped by patch in the order they ran. */
  private static List<HistoryResult.Patch> patches(List<AppliedScript> applied, String release) {
    Map<String, List<HistoryResult.File>> byPatch = new LinkedHashMap<>();
    applied.stream().filter(a -> a.release().equals(release)).forEach(a -> byPatch
        .computeIfAbsent(a.patchId(), id -> new ArrayList<>())
        .add(new HistoryResult.File(a.file(), a.sha256(), a.duration())));
    List<HistoryResult.Patch> patches = new ArrayList<>();
    byPatch.forEach((id, files) -> patches.add(new HistoryResult.Patch(id, files)));
    return patches;
  }
}
