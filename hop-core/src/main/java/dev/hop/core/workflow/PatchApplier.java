package dev.hop.core.workflow;

import dev.hop.core.base.HopEvents;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.PatchExecutor;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.PatchId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Applies patches to a database in order, each in its own transaction, stopping at the first failing one. */
public final class PatchApplier {

  /** Where a patch's files are read. */
  @FunctionalInterface
  public interface Source {
    /** The files of {@code Patches/<id>/}, and the folder a Java script runs in (empty: a temporary copy). */
    Files of(PatchId id) throws HopException;
  }

  /** A patch's files (name → bytes) and its folder in a work tree, when it has one. */
  public record Files(SortedMap<String, byte[]> files, Optional<Path> folder) {
  }

  /** Names the release a patch is applied for, as hop_applied_patch records it ({@code 1.4.0-stage}). */
  @FunctionalInterface
  public interface ReleaseLabel {
    String of(PatchId id);
  }

  private final DatabaseTarget target;
  private final HopEvents events;
  private final String next;

  /**
   * @param next the command the user runs after fixing a script
   */
  public PatchApplier(DatabaseTarget target, HopEvents events, String next) {
    this.target = target;
    this.events = events;
    this.next = next;
  }

  /** Applies {@code patches} in order; a failing patch is rolled back and its failure thrown. */
  public void apply(List<PatchId> patches, Source source, ReleaseLabel release) throws HopException {
    PatchExecutor executor = new PatchExecutor(target, events, next);
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      for (PatchId id : patches) {
        Files files = source.of(id);
        try {
          executor.apply(c, release.of(id), id, files.files(), files.folder());
          c.commit();
        } catch (HopException | RuntimeException e) {
          rollBack(c, e);
          throw e;
        }
      }
    } catch (SQLException e) {
      throw DatabaseException.of("apply patches", target.database(), target.server(), e);
    }
  }

  private static void rollBack(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
