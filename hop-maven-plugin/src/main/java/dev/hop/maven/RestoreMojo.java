package dev.hop.maven;

import dev.hop.core.Hop;
import dev.hop.core.RestoreResult;
import dev.hop.core.errors.HopException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts back a backup that hop:upgrade took ({@code -Dbackup=backups/<file>.dump}), under the upgrade lock, after a
 * backup of the state it replaces; then says which release the database holds and compares its schema with that
 * release's snapshot.
 */
@Mojo(name = RestoreMojo.GOAL, threadSafe = true, requiresProject = true)
public class RestoreMojo extends AbstractHopMojo {
  static final String GOAL = "restore";

  /** The backup file, relative to the project or absolute; also {@code -Dbackup}. */
  @Parameter(property = "hop.backup")
  String backup;

  /** Restore a backup of another database, or one hop did not name; also {@code -Dforce}. */
  @Parameter(property = "hop.force")
  String force;

  /** Folder of the backup of the state replaced (default: the project's backups/); also {@code -DbackupDir}. */
  @Parameter(property = "hop.backupDir")
  String backupDir;

  /** Compare the restored schema with its release's snapshot (needs CREATEDB on the server). */
  @Parameter(property = "hop.checkSchema", defaultValue = "true")
  boolean checkSchema;

  /** Seconds to wait for an upgrade of the same database to finish. */
  @Parameter(property = "hop.upgradeLockWait", defaultValue = "30")
  int upgradeLockWait;

  @Override
  protected String goal() {
    return GOAL;
  }

  @Override
  protected Object run(Hop hop) throws HopException {
    RestoreResult result = hop.restore()
        .setBackup(parameter("backup", backup).map(Path::of))
        .setForce(flag("force", force))
        .setBackupDir(parameter("backupDir", backupDir).map(Path::of))
        .setCheckSchema(checkSchema)
        .setLockWait(Duration.ofSeconds(upgradeLockWait))
        .call();
    result.lines(hop.settings().hints()).forEach(getLog()::info);
    return result;
  }
}
