package dev.hop.core;

import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.ProductionUpgrade.Outcome;
import dev.hop.core.workflow.ProductionUpgrade;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.UpgradePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades the production database along the path of production releases ({@link ProductionUpgrade}): checks every
 * precondition, then either describes the plan (dry run) or backs up and applies the whole path in one transaction,
 * undoing everything on failure and checking that the database is as before. With nothing to apply it changes
 * nothing, so it asks nothing of the work tree beyond committed release files, and looks for no pg_dump. Refuses
 * ({@code HopUserException}) without hop.url, a missing database without create, off a clean ho-prod synced with
 * origin, a release that is not a production release or older than the database, a lock held past the wait; fails
 * with {@code UpgradeFailedException} when applying failed (everything undone, the database checked).
 */
public final class UpgradeCommand extends HopCommand<UpgradeResult> {
  private Optional<Version> toRelease = Optional.empty();
  private boolean dryRun;
  private boolean create;
  private Optional<Path> backupDir = Optional.empty();
  private Duration lockWait = Duration.ofSeconds(30);
  private boolean checkSchema;

  UpgradeCommand(Project project) {
    super(project);
  }

  /** Stops at this production release instead of the latest. */
  public UpgradeCommand setToRelease(Optional<Version> toRelease) {
    checkCallable();
    this.toRelease = toRelease;
    return this;
  }

  /** Describes the plan and writes its SQL, changing nothing. */
  public UpgradeCommand setDryRun(boolean dryRun) {
    checkCallable();
    this.dryRun = dryRun;
    return this;
  }

  /** Creates a missing database at the production state of {@code model/} first. */
  public UpgradeCommand setCreate(boolean create) {
    checkCallable();
    this.create = create;
    return this;
  }

  /** Where the backup goes (default: the project's {@code backups/}, which Git must ignore). */
  public UpgradeCommand setBackupDir(Optional<Path> backupDir) {
    checkCallable();
    this.backupDir = backupDir;
    return this;
  }

  /** How long to wait for another upgrade of the same database to release its lock. */
  public UpgradeCommand setLockWait(Duration lockWait) {
    checkCallable();
    this.lockWait = lockWait;
    return this;
  }

  /** Compares the schema with its version's snapshot first, and refuses a database that differs. */
  public UpgradeCommand setCheckSchema(boolean checkSchema) {
    checkCallable();
    this.checkSchema = checkSchema;
    return this;
  }

  @Override
  protected Changes<UpgradeResult> check() throws HopException {
    ProductionUpgrade.Checked upgrade = new ProductionUpgrade(project,
        new ProductionUpgrade.Options(toRelease, dryRun, create, backupDir, lockWait, checkSchema)).check();
    return () -> {
      try (upgrade) {
        return result(upgrade.run(), took());
      }
    };
  }

  private static UpgradeResult result(Outcome outcome, Duration took) {
    UpgradePlan plan = outcome.plan();
    UpgradeResult.Status status = outcome.described() ? UpgradeResult.Status.DRY_RUN
        : plan.releases().isEmpty() ? UpgradeResult.Status.UP_TO_DATE : UpgradeResult.Status.UPGRADED;
    List<UpgradeResult.Release> releases = outcome.described()
        ? plan.releases().stream().map(r -> new UpgradeResult.Release(r.version(), patchesOf(r),
            r.patches().stream().mapToInt(p -> p.files().size()).sum(), Duration.ZERO)).toList()
        : outcome.applied().stream().map(a -> new UpgradeResult.Release(a.version(), plan.releases().stream()
            .filter(r -> r.version().equals(a.version())).findFirst().map(UpgradeCommand::patchesOf)
            .orElse(List.of()), a.files(), a.took())).toList();
    return new UpgradeResult(status, outcome.database(), outcome.created(), plan.from(), plan.to(), releases,
        outcome.backup(), outcome.planFile(), took);
  }

  private static List<String> patchesOf(UpgradePlan.Release release) {
    return release.patches().stream().map(p -> p.id().value()).toList();
  }
}
