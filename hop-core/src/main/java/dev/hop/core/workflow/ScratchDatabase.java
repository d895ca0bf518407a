package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.DevelopmentMarker;
import dev.hop.core.db.ProductionStateLoader;
import dev.hop.core.db.TemplateRestorer;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A short-lived development database beside the development database ({@code <database>_validation},
 * {@code <database>_release}), built at the production state and dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {
  private static final int MAX_IDENTIFIER = 63;

  private final DatabaseTarget target;
  private final DatabaseServer server;
  private final HopEvents events;
  private boolean dropped;

  private ScratchDatabase(DatabaseTarget target, DatabaseServer server, HopEvents events) {
    this.target = target;
    this.server = server;
    this.events = events;
  }

  /** The scratch database {@code <development database>_<suffix>} on the development database's server. */
  public static DatabaseTarget targetFor(DatabaseTarget development, String suffix) {
    String name = development.database();
    String tail = "_" + suffix;
    String base = name.length() + tail.length() > MAX_IDENTIFIER ? name.substring(0, MAX_IDENTIFIER - tail.length())
        : name;
    return development.withDatabase(base + tail);
  }

  /**
   * Checks, changing nothing, that the server answers and that {@code target} is absent or a database hop made
   * for development (so that building and dropping it is allowed).
   *
   * @param action what the goal would do with it, for the refusal (e.g. {@code validate a patch in})
   * @throws DatabaseRefusedException when it exists without hop's mark
   */
  public static void checkUsable(DatabaseTarget target, CommandHints hints, String action) throws HopException {
    DatabaseServer server = new DatabaseServer(target, hints);
    try (Connection c = server.connect()) {
      if (server.exists(c, target.database()) && !DevelopmentMarker.isDevelopment(c, target.database())) {
        throw DatabaseRefusedException.notMarked(target.database(), server.describe(), action, hints);
      }
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", target.database(), server.describe(), e);
    }
  }

  /**
   * Creates {@code target} as a copy of production, from the template of {@code development} (built when missing
   * or out of date).
   */
  public static ScratchDatabase create(DatabaseTarget target, DatabaseTarget development, ProductionState production,
      CommandHints hints, HopEvents events, String next) throws HopException {
    DatabaseServer server = new DatabaseServer(target, hints);
    return filled(new ScratchDatabase(target, server, events), () -> new TemplateRestorer(server, events, next)
        .restore(target, development.database(), production.version(), production.schema(), production.metadata()));
  }

  /**
   * Creates {@code target}, marked as hop's, and loads a snapshot into it directly (no template is kept on the
   * server): to check a snapshot on the server it was taken from.
   */
  public static ScratchDatabase loaded(DatabaseTarget target, Version version, byte[] schema, byte[] metadata,
      CommandHints hints, HopEvents events, String next) throws HopException {
    DatabaseServer server = new DatabaseServer(target, hints);
    try (Connection c = server.connect()) {
      server.createDevelopment(c, target.database(), Optional.empty());
    } catch (SQLException e) {
      throw DatabaseException.of("create database " + target.database(), target.database(), server.describe(), e);
    }
    return filled(new ScratchDatabase(target, server, events), () -> {
      try (Connection c = target.connect()) {
        new ProductionStateLoader(server, next).load(c, version, schema, metadata);
      } catch (SQLException e) {
        throw DatabaseException.of("load the snapshot into " + target.database(), target.database(),
            server.describe(), e);
      }
    });
  }

  /** What fills a new scratch database. */
  @FunctionalInterface
  private interface Fill {
    void run() throws HopException;
  }

  /** {@code scratch} once {@code fill} ran; dropped again when it failed. */
  private static ScratchDatabase filled(ScratchDatabase scratch, Fill fill) throws HopException {
    try {
      fill.run();
      return scratch;
    } catch (HopException | RuntimeException e) {
      try {
        scratch.close();
      } catch (HopException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  public DatabaseTarget target() {
    return target;
  }

  /** Drops the database (it is a marked development database); safe to call more than once. */
  @Override
  public void close() throws HopException {
    if (dropped) {
      return;
    }
    dropped = true;
    try (Connection c = server.connect()) {
      server.dropDevelopment(c, target.database(), "drop");
      events.accept(HopEvent.detail("Dropped database " + target.database()));
    } catch (SQLException e) {
      throw DatabaseException.of("drop database " + target.database(), target.database(), server.describe(), e);
    }
  }
}
