package dev.hop.core.errors;

import java.nio.file.Path;

/** Refuses to regenerate a relation class whose existing file hop cannot merge (it does not parse, or lost its class). */
public final class GeneratedSourceException extends HopUserException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * @param path the existing file
   * @param problem what is wrong with it, e.g. the parser's first error
   */
  public GeneratedSourceException(Path path, String problem) {
    super("Cannot merge the generated code into " + path + ": " + problem + ". hop keeps your code in that file and"
        + " replaces only the members marked @Generated(\"hop\"), so it must be valid Java holding its class. Fix the"
        + " file (or delete it to start afresh), then run the goal again.");
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
