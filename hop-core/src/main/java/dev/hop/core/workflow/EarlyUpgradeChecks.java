package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.time.Duration;
import java.util.Optional;

/**
 * The database side of upgrade's checks, made while origin is fetched on the repository's thread: whether the
 * database exists, its lock and version, the release files as they are, and, when these give releases to apply,
 * pg_dump and the catalog's digest. Only the database's existence fails at once; every other failure is kept for the
 * caller to meet when it asks, once Git's checks (which come first) have passed.
 */
public final class EarlyUpgradeChecks implements AutoCloseable {
  private final boolean missing;
  private final Optional<Releases> releases;
  private final UpgradeConnection connection;
  private final UpgradeSafety safety;

  private EarlyUpgradeChecks(boolean missing, Optional<Releases> releases, UpgradeConnection connection,
      UpgradeSafety safety) {
    this.missing = missing;
    this.releases = releases;
    this.connection = connection;
    this.safety = safety;
  }

  /**
   * Makes the checks.
   *
   * @param toRelease the release the upgrade stops at, empty for the latest
   * @param catalog whether the catalog's digest is wanted (not for a dry run)
   * @throws HopException when the database's server cannot be reached
   */
  public static EarlyUpgradeChecks run(Project project, ProductionDatabase database, Optional<Version> toRelease,
      boolean catalog, Duration lockWait) throws HopException {
    boolean missing = !database.exists();
    Optional<Releases> releases = read(project);
    UpgradeConnection connection = missing ? null
        : UpgradeConnection.open(database, lockWait, project.settings().hints());
    UpgradeSafety safety = new UpgradeSafety(project);
    if (connection != null && releases.isPresent()) {
      try {
        if (!releases.get().upgradePath(connection.version(), toRelease).isEmpty()) {
          safety.backup(connection.connection());
          if (catalog) {
            safety.catalogBefore(connection.connection());
          }
        }
      } catch (HopException | RuntimeException e) {
        // met again, and reported, when the upgrade asks for the same in its turn
      }
    }
    return new EarlyUpgradeChecks(missing, releases, connection, safety);
  }

  /** The release files, empty when they could not be read (the read after Git's checks reports why). */
  private static Optional<Releases> read(Project project) {
    try {
      return Optional.of(project.releases());
    } catch (HopException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the database does not exist. */
  public boolean missing() {
    return missing;
  }

  /** The release files as read while origin was fetched; empty when they could not be read. */
  public Optional<Releases> releases() {
    return releases;
  }

  /**
   * The database, locked, or the failure to open, lock or read it.
   *
   * @throws IllegalStateException when the database is missing
   */
  public UpgradeConnection connection() {
    if (connection == null) {
      throw new IllegalStateException("The database is missing");
    }
    return connection;
  }

  /** The backup tools and catalog digest found so far. */
  public UpgradeSafety safety() {
    return safety;
  }

  @Override
  public void close() throws HopException {
    if (connection != null) {
      connection.close();
    }
  }
}
