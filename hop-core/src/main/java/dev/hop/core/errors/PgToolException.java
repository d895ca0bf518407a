package dev.hop.core.errors;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reports that a PostgreSQL client tool hop forks ({@code pg_dump}, {@code pg_restore}) is missing, older
 * than the server, or failed, with where it looked or what it said.
 */
public final class PgToolException extends HopEnvironmentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong with the tool. */
  public enum Reason {
    NOT_FOUND,
    TOO_OLD,
    FAILED
  }

  private final Reason reason;
  private final String tool;
  private final transient Optional<Path> path;
  private final transient List<Path> searched;

  private PgToolException(Reason reason, String tool, Path path, List<Path> searched, String message) {
    super(message);
    this.reason = reason;
    this.tool = tool;
    this.path = Optional.ofNullable(path);
    this.searched = List.copyOf(searched);
  }

  public static PgToolException notFound(String tool, List<Path> searched) {
    return new PgToolException(Reason.NOT_FOUND, tool, null, searched, tool + " not found; searched "
        + searched + ". Install the PostgreSQL client matching the server, or set hop.pgBin to the folder"
        + " holding " + tool + ", then run the goal again.");
  }

  public static PgToolException tooOld(String tool, Path path, String toolVersion, String serverVersion) {
    return new PgToolException(Reason.TOO_OLD, tool, path, List.of(), tool + " " + toolVersion + " (" + path
        + ") is older than the server " + serverVersion + ": it cannot dump it. Install a client of version "
        + majorOf(serverVersion) + " or newer, or set hop.pgBin to its bin folder, then run the goal again.");
  }

  public static PgToolException failed(String tool, Path path, int exit, String stderrTail) {
    return new PgToolException(Reason.FAILED, tool, path, List.of(), tool + " (" + path + ") failed with exit"
        + " status " + exit + ": " + stderrTail.strip() + ". Fix what it reports, then run the goal again.");
  }

  private static String majorOf(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }

  public Reason reason() {
    return reason;
  }

  public String tool() {
    return tool;
  }

  /** The tool that was found (TOO_OLD, FAILED). */
  public Optional<Path> path() {
    return path;
  }

  /** Where hop looked (NOT_FOUND). */
  public List<Path> searched() {
    return searched;
  }
}
