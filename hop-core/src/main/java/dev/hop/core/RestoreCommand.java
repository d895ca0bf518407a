package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.db.Backup;
import dev.hop.core.db.BackupRestore;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.db.UpgradeLock;
import dev.hop.core.errors.BackupRefusedException;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.Tags;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.BackupFolder;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.SchemaCheck;
import dev.hop.core.workflow.UpgradePlan;
import dev.hop.core.workflow.UpgradeSafety;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Puts back a backup that {@code upgrade} took: under the upgrade lock, after a backup of the state it replaces, the
 * database's user schemas are emptied and the backup restored in one transaction; then it says which release the
 * database holds and compares its schema with that release's snapshot. Refuses ({@code HopUserException}) without
 * hop.url or a backup, for a missing database or file, a backup of another database or one hop did not name (unless
 * forced), a backup folder Git does not ignore; nothing is changed then.
 */
public final class RestoreCommand extends HopCommand<RestoreResult> {
  static final String GOAL = "restore";

  private Optional<Path> backup = Optional.empty();
  private boolean force;
  private boolean checkSchema = true;
  private Optional<Path> backupDir = Optional.empty();
  private Duration lockWait = Duration.ofSeconds(30);

  RestoreCommand(Project project) {
    super(project);
  }

  /** The backup to put back, relative to the project or absolute. */
  public RestoreCommand setBackup(Optional<Path> backup) {
    checkCallable();
    this.backup = backup;
    return this;
  }

  /** Restores a backup of another database, or one hop did not name. */
  public RestoreCommand setForce(boolean force) {
    checkCallable();
    this.force = force;
    return this;
  }

  /** Whether to compare the restored schema with its release's snapshot (true by default). */
  public RestoreCommand setCheckSchema(boolean checkSchema) {
    checkCallable();
    this.checkSchema = checkSchema;
    return this;
  }

  /** Where the backup of the state replaced goes (default: the project's {@code backups/}). */
  public RestoreCommand setBackupDir(Optional<Path> backupDir) {
    checkCallable();
    this.backupDir = backupDir;
    return this;
  }

  /** How long to wait for an upgrade of the same database to release its lock. */
  public RestoreCommand setLockWait(Duration lockWait) {
    checkCallable();
    this.lockWait = lockWait;
    return this;
  }

  @Override
  protected Changes<RestoreResult> check() throws HopException {
    CommandHints hints = project.settings().hints();
    ProductionDatabase database = ProductionDatabase.existing(project.settings(), GOAL);
    Path file = project.dir().resolve(backup.orElseThrow(() -> BackupRefusedException.notFound(null, hints)))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw BackupRefusedException.notFound(file, hints);
    }
    Backup tools;
    try (Connection c = database.target().connect()) {
      tools = new UpgradeSafety(project).backup(c);
    } catch (SQLException e) {
      throw DatabaseException.of("read the server version", database.name(), database.server().describe(), e);
    }
    if (!force) {
      Optional<String> taken = tools.databaseOf(database.target(), file);
      if (taken.isPresent() && !taken.get().equals(database.name())) {
        throw BackupRefusedException.otherDatabase(file, taken.get(), database.name(), hints);
      }
      if (!Backup.isNamedByHop(file, database.name())) {
        throw BackupRefusedException.notHops(file, database.name(), hints);
      }
    }
    Path backups = backupDir.orElse(project.dir().resolve("backups")).toAbsolutePath().normalize();
    BackupFolder.requireIgnored(project, backups, GOAL);
    Optional<SchemaCheck> schema = checkSchema ? Optional.of(SchemaCheck.prepare(project, database.target(), "check",
        "compare the restored schema in")) : Optional.empty();
    return () -> restore(database, tools, file, backups, schema);
  }

  private RestoreResult restore(ProductionDatabase database, Backup tools, Path file, Path backups,
      Optional<SchemaCheck> schema) throws HopException {
    MetadataSchema metadata = new MetadataSchema();
    Optional<String> before;
    Path safety;
    Optional<DatabaseRelease> now;
    try (Connection c = database.target().connect();
        UpgradeLock lock = UpgradeLock.acquire(c, lockWait, project.settings().hints())) {
      before = metadata.recordedRelease(c).map(DatabaseRelease::toString);
      long start = System.nanoTime();
      safety = tools.create(database.target(), backups, database.name() + "-"
          + before.map(r -> r.split("-")[0]).orElse("unknown") + "-before-restore");
      project.events().accept(HopEvent.lifecycle("Backed up " + database.name() + " to " + safety + " ("
          + Durations.since(start) + ")"));
      start = System.nanoTime();
      new BackupRestore(tools).restore(c, database.target(), file);
      project.events().accept(HopEvent.lifecycle("Restored " + file.getFileName() + " into " + database.name() + " ("
          + Durations.since(start) + ")"));
      now = metadata.recordedRelease(c);
    } catch (SQLException e) {
      throw DatabaseException.of("restore " + file, database.name(), database.server().describe(), e);
    }
    List<String> differences = List.of();
    boolean compared = false;
    if (schema.isPresent() && now.isPresent() && now.get().isProduction() && hasSnapshot(now.get())) {
      differences = schema.get().differences(SchemaCheck.atTag(project, now.get().version()),
          project.settings().hints().command(GOAL)).stream().map(SchemaDiff.Difference::describe).toList();
      compared = true;
    }
    return new RestoreResult(database.name(), file, safety, before, now.map(DatabaseRelease::toString), compared,
        differences, took());
  }

  /** Whether the snapshot of {@code release} can be read: 0.0.0's from the checkout, the others' at their tag. */
  private boolean hasSnapshot(DatabaseRelease release) throws HopException {
    return release.version().equals(Version.ZERO)
        || new Tags(project.git(), project.clock()).commit(UpgradePlan.tagOf(release.version())).isPresent();
  }
}
