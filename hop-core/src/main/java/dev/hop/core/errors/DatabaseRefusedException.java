package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.Optional;

/**
 * Refuses a database action that the database's state does not allow (dropping a database hop did not
 * create for development, an upgrade lock held by another session), naming the database, the server and
 * the command to run next.
 */
public final class DatabaseRefusedException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the action is refused. */
  public enum Reason {
    /** Dropping or re-creating a database that hop did not mark as a development database. */
    NOT_MARKED_FOR_DEVELOPMENT,
    /** Another session holds the upgrade lock of the database. */
    UPGRADE_LOCKED,
    /** The development database a goal reads does not exist yet. */
    DEVELOPMENT_DATABASE_MISSING
  }

  private final Reason reason;
  private final String database;
  private final String server;
  private final String holder;

  private DatabaseRefusedException(Reason reason, String database, String server, String holder,
      String message) {
    super(message);
    this.reason = reason;
    this.database = database;
    this.server = server;
    this.holder = holder;
  }

  /** hop would drop {@code database} on {@code server}, which it did not create for development. */
  public static DatabaseRefusedException notMarked(String database, String server, String action,
      CommandHints hints) {
    return new DatabaseRefusedException(Reason.NOT_MARKED_FOR_DEVELOPMENT, database, server, null,
        "Refusing to " + action + " database " + database + " on " + server + ": hop did not create it for"
        + " development, and hop only ever drops its own development databases. Point hop.database (or url)"
        + " at another database name, or drop " + database + " yourself if it is disposable, then run "
        + hints.command("patch-apply"));
  }

  /** The upgrade lock of {@code database} stayed with {@code holder} (pid, application) past the timeout. */
  public static DatabaseRefusedException locked(String database, String server, String holder,
      long waitedSeconds, CommandHints hints) {
    return new DatabaseRefusedException(Reason.UPGRADE_LOCKED, database, server, holder,
        "Upgrade lock of database " + database + " on " + server + " is held by another session (" + holder
        + "); waited " + waitedSeconds + " s. Wait for that upgrade to finish, then run "
        + hints.command("upgrade"));
  }

  /** {@code goal} reads the development database {@code database}, which does not exist on {@code server}. */
  public static DatabaseRefusedException missing(String database, String server, String goal, CommandHints hints) {
    return new DatabaseRefusedException(Reason.DEVELOPMENT_DATABASE_MISSING, database, server, null,
        "Cannot " + goal + ": the development database " + database + " does not exist on " + server
        + ". Create it at the production state with " + hints.command("dev-db") + ", or build it with your patch"
        + " (on its ho-patch/<id> branch) with " + hints.command("patch-apply"));
  }

  public Reason reason() {
    return reason;
  }

  public String database() {
    return database;
  }

  /** The server, as {@code user@host:port}. */
  public String server() {
    return server;
  }

  /** The session holding the lock ({@code pid 123, application 'hop'}), for UPGRADE_LOCKED. */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }
}
