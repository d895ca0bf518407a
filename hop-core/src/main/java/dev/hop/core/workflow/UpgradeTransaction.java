package dev.hop.core.workflow;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.db.Backup;
import dev.hop.core.db.BackupRestore;
import dev.hop.core.db.CatalogDigest;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.UpgradeFailedException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Applies an upgrade plan to the production database: backs it up, then applies every release of the plan in one
 * transaction; on any failure rolls back, restores the backup when part of the run committed early, and checks that
 * the database's catalog is as before.
 */
public final class UpgradeTransaction {
  private final Project project;
  private final HopEvents events;
  private final ProductionDatabase database;
  private final Backup backup;
  private final String catalogBefore;

  /**
   * @param backup the backup tools, found before anything changed
   * @param catalogBefore the catalog's digest before anything changed
   */
  public UpgradeTransaction(Project project, ProductionDatabase database, Backup backup, String catalogBefore) {
    this(project, project.events(), database, backup, catalogBefore);
  }

  /**
   * As above, its steps told to {@code events} (one database of a fleet tells its own).
   */
  public UpgradeTransaction(Project project, HopEvents events, ProductionDatabase database, Backup backup,
      String catalogBefore) {
    this.project = project;
    this.events = events;
    this.database = database;
    this.backup = backup;
    this.catalogBefore = catalogBefore;
  }

  /** What the upgrade applied, where its backup is, and how long taking the backup took. */
  public record Applied(List<UpgradeRun.Applied> releases, Path backup, Duration backupTook) {
    public Applied {
      releases = List.copyOf(releases);
    }
  }

  /**
   * Backs up into {@code backups}, then applies {@code plan} on {@code c} (which holds the upgrade lock).
   *
   * @throws UpgradeFailedException when applying failed: everything was undone, and the database checked
   */
  public Applied apply(Connection c, UpgradePlan plan, Path backups) throws HopException {
    long t0 = System.nanoTime();
    Path file = backup.create(database.target(), backups, database.name() + "-" + plan.from());
    Duration backupTook = Duration.ofNanos(System.nanoTime() - t0);
    events.accept(HopEvent.lifecycle("Backed up " + database.name() + " to " + file + " ("
        + Durations.format(backupTook) + ")"));
    UpgradeRun run = new UpgradeRun(database.target(), events, project.settings().hints().command("upgrade"));
    try {
      setAutoCommit(c, false);
      List<UpgradeRun.Applied> applied = run.apply(c, plan);
      c.commit();
      setAutoCommit(c, true);
      return new Applied(applied, file, backupTook);
    } catch (HopException | SQLException | RuntimeException failure) {
      throw undo(c, plan, run, failure, file);
    }
  }

  /** Rolls back, restores the backup when part of the run was committed, and checks the database. */
  private UpgradeFailedException undo(Connection c, UpgradePlan plan, UpgradeRun run, Exception failure, Path file)
      throws HopException {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    events.accept(HopEvent.lifecycle("Rolled back the upgrade transaction"));
    boolean restored = false;
    if (run.committedEarly()) {
      events.accept(HopEvent.lifecycle("The run was not transactional: restoring " + file));
      long t0 = System.nanoTime();
      new BackupRestore(backup).restore(c, database.target(), file);
      events.accept(HopEvent.lifecycle("Restored " + database.name() + " from " + file + " ("
          + Durations.format(Duration.ofNanos(System.nanoTime() - t0)) + ")"));
      restored = true;
    }
    boolean unchanged = catalogBefore.equals(CatalogDigest.of(c));
    Version release = run.release().orElse(plan.releases().get(0).version());
    return new UpgradeFailedException(release.toString(), run.patch().map(PatchId::value), failure, file, restored,
        unchanged, project.settings().hints());
  }

  private void setAutoCommit(Connection c, boolean on) throws DatabaseException {
    try {
      c.setAutoCommit(on);
    } catch (SQLException e) {
      throw DatabaseException.of("switch autocommit", database.name(), database.target().server(), e);
    }
  }
}
