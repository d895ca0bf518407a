package dev.hop.core.errors;

import java.nio.file.Path;

/**
 * A file hop relies on in the project is missing or not what hop writes (model/schema.sql, a snapshot),
 * naming the file and how to repair it.
 */
public final class ProjectStateException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Reason { MISSING, MALFORMED }

  private final Reason reason;
  private final transient Path file;

  private ProjectStateException(Reason reason, Path file, String message) {
    super(message);
    this.reason = reason;
    this.file = file;
  }

  /** {@code file}, which holds {@code what}, does not exist. */
  public static ProjectStateException missing(Path file, String what) {
    return new ProjectStateException(Reason.MISSING, file, "Missing " + what + ": " + file + " does not exist."
        + " A hop project has the layout the archetype creates (model/schema.sql, model/metadata-X.Y.Z.sql);"
        + " restore it from Git with: git checkout ho-prod -- model/");
  }

  /** {@code file} exists but {@code problem}. */
  public static ProjectStateException malformed(Path file, String problem) {
    return new ProjectStateException(Reason.MALFORMED, file, file + " " + problem);
  }

  public Reason reason() {
    return reason;
  }

  public Path file() {
    return file;
  }
}
