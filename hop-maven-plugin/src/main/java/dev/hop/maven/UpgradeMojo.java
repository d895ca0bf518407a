package dev.hop.maven;

import dev.hop.core.FleetUpgradeResult;
import dev.hop.core.Hop;
import dev.hop.core.UpgradeResult;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Upgrades the production database along the production releases, in one transaction, after a backup. */
@Mojo(name = UpgradeMojo.GOAL, threadSafe = true, requiresProject = true)
public class UpgradeMojo extends AbstractFleetMojo {
  static final String GOAL = "upgrade";

  /** Stop at this production release (X.Y.Z) instead of the latest; also {@code -DtoRelease}. */
  @Parameter(property = "hop.toRelease")
  String toRelease;

  /** Print the plan and write target/hop/upgrade-plan.sql, changing nothing; also {@code -DdryRun}. */
  @Parameter(property = "hop.dryRun")
  String dryRun;

  /** Folder of the backup (default: the project's backups/, which Git must ignore); also {@code -DbackupDir}. */
  @Parameter(property = "hop.backupDir")
  String backupDir;

  /** Create a missing database at the production state of model/schema.sql; also {@code -Dcreate}. */
  @Parameter(property = "hop.create")
  String create;

  /** Seconds to wait for another upgrade of the same database to finish. */
  @Parameter(property = "hop.upgradeLockWait", defaultValue = "30")
  int upgradeLockWait;

  /**
   * First compare the schema with its version's snapshot (as hop:check does) and refuse a database that differs;
   * needs CREATEDB on the database's server.
   */
  @Parameter(property = "hop.checkSchema", defaultValue = "false")
  boolean checkSchema;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException, MojoFailureException {
    Optional<Version> to = parameter("toRelease", toRelease).isPresent()
        ? Optional.of(Version.parse(parameter("toRelease", toRelease).get())) : Optional.empty();
    boolean dry = flag("dryRun", dryRun);
    if (isFleet()) {
      return fleet(hop, to, dry);
    }
    UpgradeResult result = hop.upgrade()
        .setToRelease(to)
        .setDryRun(dry)
        .setCreate(flag("create", create))
        .setBackupDir(parameter("backupDir", backupDir).map(Path::of))
        .setLockWait(Duration.ofSeconds(upgradeLockWait))
        .setCheckSchema(checkSchema)
        .call();
    getLog().info(result.summary());
    return result;
  }

  private FleetUpgradeResult fleet(Hop hop, Optional<Version> to, boolean dry) throws HopException,
      MojoFailureException {
    FleetUpgradeResult result = fleet(hop.upgradeFleet(), hop)
        .setToRelease(to)
        .setDryRun(dry)
        .setBackupDir(parameter("backupDir", backupDir).map(Path::of))
        .setLockWait(Duration.ofSeconds(upgradeLockWait))
        .call();
    result.lines(hop.settings().hints()).forEach(getLog()::info);
    return result;
  }

  @Override
  protected void check(Object result) throws MojoFailureException {
    if (result instanceof FleetUpgradeResult fleet && fleet.failed()) {
      throw new MojoFailureException(fleet.count("FAILED") + " database" + (fleet.count("FAILED") == 1 ? "" : "s")
          + " of the fleet failed" + (fleet.count("NOT_RUN") > 0 ? " and " + fleet.count("NOT_RUN") + " did not run"
          : "") + " (listed above; each failed upgrade was undone). Fix the cause and run the same command again.");
    }
  }
}
