package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.FleetSelection;
import dev.hop.core.workflow.FleetUpgrade;
import dev.hop.core.workflow.Project;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades a fleet of databases of the project's schema ({@link FleetUpgrade}): the databases listed (a targets
 * file, resolved by the caller) and those on hop.url's server whose name matches a {@code LIKE} pattern, optionally
 * one shard of them. Git is checked once; each database is then upgraded as {@code upgrade} upgrades one, at most
 * {@code parallel} at once. Refuses ({@code HopUserException}) an empty fleet or two databases of one name, and what
 * upgrade refuses of Git; each database's own refusal or failure is its outcome, not the goal's.
 */
public final class FleetUpgradeCommand extends FleetCommand<FleetUpgradeCommand, FleetUpgradeResult> {
  static final String GOAL = "upgrade";

  private Optional<Version> toRelease = Optional.empty();
  private boolean dryRun;
  private Optional<Path> backupDir = Optional.empty();
  private Duration lockWait = Duration.ofSeconds(30);

  FleetUpgradeCommand(Project project) {
    super(project);
  }

  /** Stops at this production release instead of the latest. */
  public FleetUpgradeCommand setToRelease(Optional<Version> toRelease) {
    checkCallable();
    this.toRelease = toRelease;
    return this;
  }

  /** Describes the plans and writes their SQL, one file per version the databases are at, changing nothing. */
  public FleetUpgradeCommand setDryRun(boolean dryRun) {
    checkCallable();
    this.dryRun = dryRun;
    return this;
  }

  /** Where the backups go (default: the project's {@code backups/}). */
  public FleetUpgradeCommand setBackupDir(Optional<Path> backupDir) {
    checkCallable();
    this.backupDir = backupDir;
    return this;
  }

  /** How long to wait for another upgrade of the same database to release its lock. */
  public FleetUpgradeCommand setLockWait(Duration lockWait) {
    checkCallable();
    this.lockWait = lockWait;
    return this;
  }

  @Override
  protected Changes<FleetUpgradeResult> check() throws HopException {
    FleetSelection.Selection fleet = select(GOAL);
    FleetUpgrade upgrade = new FleetUpgrade(project, new FleetUpgrade.Options(toRelease, dryRun, backupDir, lockWait,
        runner()));
    upgrade.check();
    return () -> {
      FleetUpgrade.Report report = upgrade.run(fleet.members());
      List<FleetUpgradeResult.Database> databases = report.databases().stream()
          .map(o -> new FleetUpgradeResult.Database(o.name(), o.status().name(), o.from(), o.to(), o.releases(),
              o.took(), o.backup(), o.backupTook(), o.error())).toList();
      return new FleetUpgradeResult(fleet.shard(),
          databases, report.planFiles(), took());
    };
  }
}
