package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.List;

/**
 * Refuses {@code adopt}: the project or the database is not one adopt may take, or the database's schema is not the
 * adopted snapshot's; the message says which and what to do.
 */
public final class AdoptionRefusedException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** No version was given for the first adoption, or it is not X.Y.Z above 0.0.0. */
    VERSION,
    /** The project already has releases of its own, none of them an adoption. */
    PROJECT_HAS_RELEASES,
    /** The database does not exist. */
    NO_DATABASE,
    /** The database already records a release in half_orm_meta. */
    ALREADY_RECORDED,
    /** The database's schema differs from the adopted snapshot. */
    SCHEMA_DIFFERS,
    /** The snapshot does not rebuild the schema it was taken from. */
    SNAPSHOT_UNFAITHFUL
  }

  private final Reason reason;
  private final List<String> differences;

  private AdoptionRefusedException(Reason reason, String message, List<String> differences) {
    super(message);
    this.reason = reason;
    this.differences = List.copyOf(differences);
  }

  public static AdoptionRefusedException noVersion(String given, CommandHints hints) {
    return new AdoptionRefusedException(Reason.VERSION, (given == null || given.isBlank()
        ? "adopt needs the version the existing schema becomes"
        : "Invalid adoption version '" + given + "': it must be X.Y.Z above 0.0.0")
        + ". Run: " + hints.command("adopt", "version", "1.0.0"), List.of());
  }

  public static AdoptionRefusedException otherVersion(String given, String adopted, CommandHints hints) {
    return new AdoptionRefusedException(Reason.VERSION, "The project adopted its first database as " + adopted
        + ", not " + given + ": a further database of its schema is recorded at " + adopted + ". Run: "
        + hints.command("adopt"), List.of());
  }

  public static AdoptionRefusedException projectHasReleases(List<String> files, CommandHints hints) {
    return new AdoptionRefusedException(Reason.PROJECT_HAS_RELEASES, "The project already has releases ("
        + String.join(", ", files) + "): adopt takes an existing database as the first release of a project made by"
        + " the archetype, still at 0.0.0. Generate a new project for the database, then run: "
        + hints.command("adopt", "version", "1.0.0"), List.of());
  }

  public static AdoptionRefusedException noDatabase(String database, String server, CommandHints hints) {
    return new AdoptionRefusedException(Reason.NO_DATABASE, "Database " + database + " does not exist on " + server
        + ": adopt takes a database that exists. Check hop.url, then run: " + hints.command("adopt"), List.of());
  }

  public static AdoptionRefusedException alreadyRecorded(String database, String version, CommandHints hints) {
    return new AdoptionRefusedException(Reason.ALREADY_RECORDED, "Database " + database + " already records release "
        + version + " in half_orm_meta: hop or half_orm_dev manages it, there is nothing to adopt. Bring it up to date"
        + " with: " + hints.command("upgrade"), List.of());
  }

  public static AdoptionRefusedException schemaDiffers(String database, String version, List<String> differences,
      CommandHints hints) {
    return new AdoptionRefusedException(Reason.SCHEMA_DIFFERS, "Database " + database + " is not at the adopted "
        + version + ": its schema differs from model/schema-" + version + ".sql in " + differences.size()
        + " object(s): " + String.join("; ", differences) + ". Nothing was recorded. Make the database equal to the"
        + " snapshot, then run: " + hints.command("adopt"), differences);
  }

  public static AdoptionRefusedException snapshotUnfaithful(String database, List<String> differences) {
    return new AdoptionRefusedException(Reason.SNAPSHOT_UNFAITHFUL, "The schema snapshot of " + database
        + " does not rebuild it: once loaded into a new database it differs in " + differences.size() + " object(s): "
        + String.join("; ", differences) + ". Nothing was changed. Report this with the objects named.",
        differences);
  }

  public Reason reason() {
    return reason;
  }

  /** The objects that differ, one line each, when the reason is a difference. */
  public List<String> differences() {
    return differences;
  }
}
