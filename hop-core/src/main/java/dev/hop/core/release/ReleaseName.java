package dev.hop.core.release;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one release file in {@code releases/}: {@code X.Y.Z-stage.txt}, {@code X.Y.Z-rcN.txt}
 * or {@code X.Y.Z.txt}.
 *
 * <p>Names are ordered by version, then in the order their patches apply: every RC by number (rc9
 * before rc10), then the stage, which holds the patches added since the latest RC, then production,
 * which closes the version. So {@code 1.4.0-rc1 < 1.4.0-rc2 < 1.4.0-stage < 1.4.0 < 1.5.0-stage}.
 *
 * @param version the release's version
 * @param kind stage, release candidate or production
 * @param rc the RC number, at least 1, for an RC; 0 otherwise
 */
public record ReleaseName(Version version, Kind kind, int rc) implements Comparable<ReleaseName> {

  /** The three kinds of release file. */
  public enum Kind {
    /** {@code X.Y.Z-stage.txt}: mutable, the patches added since the latest RC. */
    STAGE,
    /** {@code X.Y.Z-rcN.txt}: immutable, all patches of the release up to rcN. */
    RC,
    /** {@code X.Y.Z.txt}: immutable, all patches of the release. */
    PRODUCTION
  }

  private static final Pattern FILE_NAME =
      Pattern.compile("([0-9.]+)(?:-(stage)|-rc([1-9][0-9]{0,8}))?\\.txt");
  private static final Comparator<ReleaseName> ORDER = Comparator.comparing(ReleaseName::version)
      .thenComparingInt(ReleaseName::applyRank)
      .thenComparingInt(ReleaseName::rc);

  public ReleaseName {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.RC ? rc < 1 : rc != 0) {
      throw new IllegalArgumentException("rc must be at least 1 for an RC and 0 otherwise: " + kind + " " + rc);
    }
  }

  public static ReleaseName stage(Version version) {
    return new ReleaseName(version, Kind.STAGE, 0);
  }

  public static ReleaseName rc(Version version, int rc) {
    return new ReleaseName(version, Kind.RC, rc);
  }

  public static ReleaseName production(Version version) {
    return new ReleaseName(version, Kind.PRODUCTION, 0);
  }

  /**
   * Reads a file name; empty when it is not a release file (e.g. {@code README.md},
   * {@code 1.4.txt}, {@code 1.4.0-rc0.txt}, {@code 1.4.0-rc01.txt}), which is not an error.
   */
  public static Optional<ReleaseName> parse(String fileName) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Version.tryParse(m.group(1)).map(v -> m.group(2) != null ? stage(v)
        : m.group(3) != null ? rc(v, Integer.parseInt(m.group(3))) : production(v));
  }

  /** The file name in {@code releases/}: {@code 1.4.0-stage.txt}, {@code 1.4.0-rc2.txt}, {@code 1.4.0.txt}. */
  public String fileName() {
    return this + ".txt";
  }

  public boolean isStage() {
    return kind == Kind.STAGE;
  }

  public boolean isRc() {
    return kind == Kind.RC;
  }

  public boolean isProduction() {
    return kind == Kind.PRODUCTION;
  }

  private int applyRank() {
    return switch (kind) {
      case RC -> 0;
      case STAGE -> 1;
      case PRODUCTION -> 2;
    };
  }

  @Override
  public int compareTo(ReleaseName other) {
    return ORDER.compare(this, other);
  }

  /** The name used in messages and commit subjects: {@code 1.4.0-stage}, {@code 1.4.0-rc2}, {@code 1.4.0}. */
  @Override
  public String toString() {
    return switch (kind) {
      case STAGE -> version + "-stage";
      case RC -> version + "-rc" + rc;
      case PRODUCTION -> version.toString();
    };
  }
}
