package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses a production goal ({@code update}, {@code upgrade}) whose database is not usable as a production
 * database: no URL configured, the database missing, or no hop metadata in it; it names the database and the
 * command to run next.
 */
public final class ProductionDatabaseException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the production database cannot be used. */
  public enum Reason {
    /** No {@code hop.url}: production goals never guess a database. */
    NO_URL,
    /** The database named by the URL does not exist (and {@code create} was not asked). */
    MISSING,
    /** The database has no {@code half_orm_meta.hop_release}, so its version is unknown. */
    NO_METADATA,
    /** The goal records a release and none was named. */
    NO_RELEASE,
    /** A fleet upgrade found no database, or two of one name. */
    FLEET
  }

  private final Reason reason;
  private final String database;

  private ProductionDatabaseException(Reason reason, String database, String message) {
    super(message);
    this.reason = reason;
    this.database = Objects.requireNonNull(database, "database");
  }

  /** {@code goal} was run without {@code hop.url}. */
  public static ProductionDatabaseException noUrl(String goal, CommandHints hints) {
    return new ProductionDatabaseException(Reason.NO_URL, "", "hop:" + goal + " works on a production database"
        + " and needs its JDBC URL: set hop.url (or url in the plugin configuration), e.g. "
        + hints.command(goal, "hop.url", "jdbc:postgresql://<host>:5432/<database>")
        + "; production goals never use the development server.");
  }

  /** {@code database} does not exist on {@code server}. */
  public static ProductionDatabaseException missing(String database, String server, CommandHints hints) {
    return new ProductionDatabaseException(Reason.MISSING, database, "Database " + database + " does not exist on "
        + server + ". To create it at the production state of model/schema.sql, run: "
        + hints.command("upgrade", "create", "true") + "; or fix hop.url if it names the wrong database.");
  }

  /** {@code database} exists but holds no hop metadata. */
  public static ProductionDatabaseException noMetadata(String database, String server) {
    return new ProductionDatabaseException(Reason.NO_METADATA, database, "Database " + database + " on " + server
        + " has no half_orm_meta.hop_release, so its version is unknown: it is not a database of this project."
        + " Point hop.url at the project's production database; an existing database is taken into a project with"
        + " hop:adopt, and a database that has a release's schema applied by hand is recorded with hop:mark-applied"
        + " -DtoRelease=<X.Y.Z>.");
  }

  /** No database in the fleet: an empty targets file, or a pattern that matches none. */
  public static ProductionDatabaseException emptyFleet(Optional<String> pattern, String goal, CommandHints hints) {
    return new ProductionDatabaseException(Reason.FLEET, "", "No database for hop:" + goal + ": "
        + pattern.map(p -> "no database on the server of hop.url matches '" + p + "'").orElse("the targets list"
        + " none") + ". Name them with " + hints.command(goal, "targets", "<file>") + " (one JDBC URL or"
        + " settings.xml server id per line, then an optional name) or "
        + hints.command(goal, "databases", "<LIKE pattern>"));
  }

  /** Two databases of the fleet have one name (names must be unique: they are reported and sharded by it). */
  public static ProductionDatabaseException fleetDuplicate(String name, String goal, CommandHints hints) {
    return new ProductionDatabaseException(Reason.FLEET, name, "Two databases of the fleet are named " + name
        + ": each is reported and sharded by its name. Give one another name after its URL in the targets file, then"
        + " run: " + hints.command(goal, "targets", "<file>"));
  }

  /** {@code goal} records a release and was not told which. */
  public static ProductionDatabaseException noRelease(String goal, String command) {
    return new ProductionDatabaseException(Reason.NO_RELEASE, "", "hop:" + goal + " needs the production release"
        + " the database's schema is at. Run: " + command);
  }

  public Reason reason() {
    return reason;
  }

  /** The database concerned; empty for NO_URL. */
  public String database() {
    return database;
  }
}
