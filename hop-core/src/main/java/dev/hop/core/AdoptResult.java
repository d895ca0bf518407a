package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code adopt} did: the database taken as the project's first release, or a further database of an adopted
 * project checked and recorded.
 *
 * @param kind which of the two
 * @param database the adopted database's name
 * @param version the adopted release
 * @param dryRun whether nothing was changed (the files written under target/hop/adopt for review)
 * @param files the files written, relative to the project
 * @param tag the tag pushed, empty for a dry run or a further database
 * @param recorded whether the release is now recorded in the database
 * @param took how long the goal ran
 */
public record AdoptResult(Kind kind, String database, Version version, boolean dryRun, List<String> files,
    Optional<String> tag, boolean recorded, Duration took) {

  /** The adoption's kind. */
  public enum Kind {
    /** The project's first release, taken from the database. */
    FIRST,
    /** A further database of the adopted schema, compared with the snapshot and recorded. */
    FURTHER
  }

  public AdoptResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(took, "took");
  }

  /** What happened, one line each, the last naming the next command as {@code hints} spells it. */
  public List<String> lines(CommandHints hints) {
    if (kind == Kind.FURTHER) {
      return List.of(dryRun
          ? "Dry run: database " + database + " has the schema of the adopted release " + version + "; nothing was"
              + " recorded. Record it with: " + hints.command("adopt")
          : "Database " + database + " has the schema of the adopted release " + version + ": release " + version
              + " recorded in it. Bring it up to date with: " + hints.command("upgrade"));
    }
    if (dryRun) {
      return List.of("Dry run: the files adopt would commit are written for review: " + String.join(", ", files)
          + "; nothing was changed. Adopt with: " + hints.command("adopt", "version", version.toString()));
    }
    return List.of("Adopted database " + database + " as release " + version + " (tag " + tag.orElse("")
        + " pushed with ho-prod; release " + version + " recorded in " + database + ")",
        "Next: a release and its patches as usual (" + hints.command("release-new", "level", "minor")
            + "); the development database builds from model/schema-" + version + ".sql");
  }
}
