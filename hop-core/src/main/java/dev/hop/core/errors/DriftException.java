package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;
import java.util.List;

/**
 * Refuses to change a production database that is not what its releases made it: a released file was edited after
 * it was applied, or the schema differs from its version's snapshot. The message names each difference and what to
 * do; nothing was changed.
 */
public final class DriftException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** What differs. */
  public enum Reason {
    /** A file of an applied release differs in Git from the one the database applied (or was removed or added). */
    RELEASED_FILES,
    /** The database's schema differs from the snapshot of its version. */
    SCHEMA
  }

  private final Reason reason;
  private final List<String> differences;

  private DriftException(Reason reason, String message, List<String> differences) {
    super(message);
    this.reason = reason;
    this.differences = List.copyOf(differences);
  }

  /**
   * @param goal the goal refused, e.g. {@code upgrade}
   * @param differences one line per file
   */
  public static DriftException releasedFiles(String goal, String database, List<String> differences,
      CommandHints hints) {
    return new DriftException(Reason.RELEASED_FILES, "Released files were edited: " + goal + " would apply releases"
        + " on top of database " + database + " whose applied files no longer match Git, and changed nothing:\n  "
        + String.join("\n  ", differences) + "\nA released file is never edited: restore it (git checkout v<version>"
        + " -- <file>, then commit on ho-prod) and put the change in a new patch (" + hints.command("patch-new", "id",
        "<id>") + "). See every difference with: " + hints.command("check"), differences);
  }

  /**
   * @param version the database's version, whose snapshot it was compared with
   * @param differences one line per object
   */
  public static DriftException schema(String goal, String database, String version, List<String> differences,
      CommandHints hints) {
    return new DriftException(Reason.SCHEMA, "The schema of database " + database + " differs from model/schema-"
        + version + ".sql (release " + version + "); " + goal + " changed nothing:\n  " + String.join("\n  ",
        differences) + "\nA change made by hand in production goes into a patch (" + hints.command("patch-new", "id",
        "<id>") + ") or is undone in the database. Then run: " + hints.command(goal), differences);
  }

  public Reason reason() {
    return reason;
  }

  /** The differences, one line each. */
  public List<String> differences() {
    return differences;
  }
}
