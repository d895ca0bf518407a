package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopSettings;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The production database a production goal works on: only the one {@code hop.url} names (never a guessed or
 * development database), with its existence and its version ({@code hop_last_release}).
 */
public final class ProductionDatabase {
  private final DatabaseTarget target;
  private final DatabaseServer server;
  private final MetadataSchema metadata = new MetadataSchema();

  private ProductionDatabase(DatabaseTarget target, DatabaseServer server) {
    this.target = target;
    this.server = server;
  }

  /**
   * The database of {@code settings}' URL.
   *
   * @throws ProductionDatabaseException NO_URL when no URL is configured
   */
  public static ProductionDatabase of(HopSettings settings, String goal) throws ProductionDatabaseException {
    String url = settings.jdbcUrl().orElseThrow(() -> ProductionDatabaseException.noUrl(goal, settings.hints()));
    DatabaseTarget target = new DatabaseTarget(url, settings.user(), settings.password());
    return new ProductionDatabase(target, new DatabaseServer(target, settings.hints()));
  }

  public DatabaseTarget target() {
    return target;
  }

  public DatabaseServer server() {
    return server;
  }

  public String name() {
    return target.database();
  }

  /** The database {@code target} names, one of a fleet. */
  public static ProductionDatabase of(DatabaseTarget target, CommandHints hints) {
    return new ProductionDatabase(target, new DatabaseServer(target, hints));
  }

  /**
   * The database of {@code settings}' URL, which must exist.
   *
   * @throws ProductionDatabaseException NO_URL when no URL is configured, MISSING when the database does not exist
   */
  public static ProductionDatabase existing(HopSettings settings, String goal) throws HopException {
    return of(settings, goal).requireExists(settings.hints());
  }

  /**
   * This database, which must exist.
   *
   * @throws ProductionDatabaseException MISSING when it does not
   */
  public ProductionDatabase requireExists(CommandHints hints) throws HopException {
    if (!exists()) {
      throw ProductionDatabaseException.missing(name(), server.describe(), hints);
    }
    return this;
  }

  /** Whether the database exists on its server. */
  public boolean exists() throws DatabaseException {
    try (Connection c = server.connect()) {
      return server.exists(c, name());
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", name(), server.describe(), e);
    }
  }

  /**
   * The database's version, on an open connection to it.
   *
   * @throws ProductionDatabaseException NO_METADATA when hop's metadata is missing or holds no release
   */
  public Version version(Connection c) throws HopException {
    return release(c).version();
  }

  /**
   * The release the database records (with its pre-release label), on an open connection to it.
   *
   * @throws ProductionDatabaseException NO_METADATA when hop's metadata is missing or holds no release
   */
  public DatabaseRelease release(Connection c) throws HopException {
    return metadata.recordedRelease(c).orElseThrow(() -> ProductionDatabaseException.noMetadata(name(),
        target.server()));
  }
}
