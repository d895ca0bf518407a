package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.nio.file.Path;

/**
 * Refuses {@code restore}: the backup file is missing, or it is not a backup hop took of this database (which
 * {@code -Dforce=true} overrides); nothing was changed.
 */
public final class BackupRefusedException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** No backup was named, or the file does not exist. */
    NOT_FOUND,
    /** The archive was taken from another database. */
    OTHER_DATABASE,
    /** The file's name is not one hop gives its backups. */
    NOT_HOPS
  }

  private final Reason reason;

  private BackupRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public static BackupRefusedException notFound(Path file, CommandHints hints) {
    return new BackupRefusedException(Reason.NOT_FOUND, (file == null ? "hop:restore needs the backup to put back"
        : "Backup file " + file + " does not exist") + ". Name one that hop:upgrade wrote: "
        + hints.command("restore", "backup", "backups/<database>-<version>-<time>.dump"));
  }

  public static BackupRefusedException otherDatabase(Path file, String taken, String database, CommandHints hints) {
    return new BackupRefusedException(Reason.OTHER_DATABASE, "Backup " + file + " was taken from database " + taken
        + ", not " + database + ": restoring it would replace " + database + " with another database. Check hop.url;"
        + " to restore it anyway: " + hints.command("restore", "backup", file.toString(), "force", "true"));
  }

  public static BackupRefusedException notHops(Path file, String database, CommandHints hints) {
    return new BackupRefusedException(Reason.NOT_HOPS, "Backup " + file + " is not named as hop names the backups"
        + " of " + database + " (" + database + "-<X.Y.Z>-<UTC time>.dump): hop restores the backups its upgrades"
        + " took. To restore it anyway: " + hints.command("restore", "backup", file.toString(), "force", "true"));
  }

  public Reason reason() {
    return reason;
  }
}
