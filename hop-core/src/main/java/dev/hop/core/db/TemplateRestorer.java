package dev.hop.core.db;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.Sha256;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.Version;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a development database to the production state: builds (once per production version and content
 * of its snapshot files) a template database from {@code model/schema.sql} and {@code model/metadata-<v>.sql},
 * then drops the development database and clones the template into it.
 */
public final class TemplateRestorer {

  /**
   * A copy of a template made ahead of its restore ({@link #copyAhead}).
   *
   * @param database the copy's name
   * @param template the template it was copied from
   * @param hash the hash of the files the template was built from
   */
  public record CopyAhead(String database, String template, String hash) {
  }

  private static final int MAX_IDENTIFIER = 63;
  private static final Pattern TEMPLATE_SUFFIX = Pattern.compile("__hop_(\\d{1,9})_(\\d{1,9})_(\\d{1,9})$");

  private final DatabaseServer server;
  private final HopEvents events;
  private final String next;

  /**
   * @param next the command the user runs after fixing a snapshot file
   */
  public TemplateRestorer(DatabaseServer server, HopEvents events, String next) {
    this.server = server;
    this.events = events;
    this.next = next;
  }

  /** Convenience: a restorer on {@code target}'s server. */
  public static TemplateRestorer on(DatabaseTarget target, CommandHints hints, HopEvents events, String next) {
    return new TemplateRestorer(new DatabaseServer(target, hints), events, next);
  }

  /**
   * Makes {@code development} a fresh copy of production {@code version}.
   *
   * @param schema the bytes of {@code model/schema.sql}
   * @param metadataRows the bytes of {@code model/metadata-<version>.sql}
   * @throws DatabaseRefusedException when the development database (or the template's name) is a database
   *     hop did not create
   */
  public RestoreResult restore(DatabaseTarget development, Version version, byte[] schema, byte[] metadataRows)
      throws DatabaseException, DatabaseRefusedException, PatchScriptException {
    return restore(development, development.database(), version, schema, metadataRows);
  }

  /**
   * Makes {@code development} a fresh copy of production {@code version}, cloned from the template of the
   * database {@code templateOwner} (a validation or release database shares the development database's template).
   */
  public RestoreResult restore(DatabaseTarget development, String templateOwner, Version version, byte[] schema,
      byte[] metadataRows) throws DatabaseException, DatabaseRefusedException, PatchScriptException {
    return restore(development, templateOwner, version, schema, metadataRows, Optional.empty());
  }

  /**
   * Makes {@code development} a fresh copy of production {@code version}, taking {@code ahead} when it was copied
   * from the template these files make: then the development database is only dropped and the copy renamed into
   * its place. A copy it does not take (another template, or the restore failed) is dropped.
   */
  public RestoreResult restore(DatabaseTarget development, Version version, byte[] schema, byte[] metadataRows,
      Optional<CopyAhead> ahead) throws DatabaseException, DatabaseRefusedException, PatchScriptException {
    return restore(development, development.database(), version, schema, metadataRows, ahead);
  }

  private RestoreResult restore(DatabaseTarget development, String templateOwner, Version version, byte[] schema,
      byte[] metadataRows, Optional<CopyAhead> ahead)
      throws DatabaseException, DatabaseRefusedException, PatchScriptException {
    long start = System.nanoTime();
    String template = templateName(templateOwner, version);
    String hash = hash(schema, metadataRows);
    Optional<CopyAhead> usable = ahead.filter(a -> a.template().equals(template) && a.hash().equals(hash));
    boolean reused;
    try (Connection c = server.connect()) {
      boolean taken = false;
      try {
        server.requireDroppable(c, development.database(), "re-create");
        if (usable.isPresent()) {
          server.dropDevelopment(c, development.database(), "re-create");
          server.rename(c, usable.get().database(), development.database());
          taken = true;
          reused = true;
        } else {
          reused = DevelopmentMarker.isTemplateBuiltFrom(c, template, hash);
          if (!reused) {
            build(c, development.withDatabase(template), version, schema, metadataRows, hash);
            dropOlderTemplates(c, templateOwner, version);
          }
          server.dropDevelopment(c, development.database(), "re-create");
          server.createDevelopment(c, development.database(), Optional.of(template));
        }
      } finally {
        if (!taken && ahead.isPresent()) {
          discard(c, ahead.get());
        }
      }
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", development.database(), server.describe(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    events.accept(HopEvent.lifecycle("Restored " + development.database() + " to production " + version + " in "
        + Durations.format(took) + (usable.isPresent() ? " (copied from the template ahead)"
            : reused ? " (template reused)" : " (template built)")));
    return new RestoreResult(development.database(), template, reused, took);
  }

  /**
   * Copies the template of production {@code version} into a database of its own ({@link #aheadName}), marked as a
   * development database, for a later {@link #restore(DatabaseTarget, Version, byte[], byte[], Optional) restore}
   * to rename into place: the slow part of a restore, done while the goal still checks what it must before it
   * changes anything. Only when the template exists and was built from these files; a copy an earlier run left is
   * replaced. Leaves the development database as it is.
   *
   * @return the copy, or empty when there is no current template to copy
   * @throws DatabaseRefusedException when a database of the copy's name exists that hop did not create
   */
  public Optional<CopyAhead> copyAhead(DatabaseTarget development, Version version, byte[] schema,
      byte[] metadataRows) throws DatabaseException, DatabaseRefusedException {
    String template = templateName(development.database(), version);
    String hash = hash(schema, metadataRows);
    String name = aheadName(development.database());
    try (Connection c = server.connect()) {
      if (!DevelopmentMarker.isTemplateBuiltFrom(c, template, hash) || isForeign(c, development.database())) {
        return Optional.empty();
      }
      server.dropDevelopment(c, name, "replace");
      server.createDevelopment(c, name, Optional.of(template));
      return Optional.of(new CopyAhead(name, template, hash));
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", name, server.describe(), e);
    }
  }

  /** Whether {@code database} exists without hop's development mark (the restore will refuse it). */
  private boolean isForeign(Connection c, String database) throws DatabaseException {
    try {
      server.requireDroppable(c, database, "re-create");
      return false;
    } catch (DatabaseRefusedException e) {
      return true;
    }
  }

  /** Drops a copy no restore took; a failure is reported as a warning with the statement to run. */
  public void discard(CopyAhead copy) {
    try (Connection c = server.connect()) {
      discard(c, copy);
    } catch (DatabaseException | SQLException e) {
      warnLeft(copy, e);
    }
  }

  private void discard(Connection c, CopyAhead copy) {
    try {
      server.dropDevelopment(c, copy.database(), "drop");
    } catch (DatabaseRefusedException e) {
      // somebody put a database of their own in its place: not hop's to drop, nor to mention beyond the refusal
      events.accept(HopEvent.warn(e.getMessage()));
    } catch (DatabaseException e) {
      warnLeft(copy, e);
    }
  }

  private void warnLeft(CopyAhead copy, Exception e) {
    events.accept(HopEvent.warn("Could not drop " + copy.database() + ", the copy of " + copy.template()
        + " hop made ahead: " + e.getMessage() + ". The next patch-apply replaces it; or drop it on "
        + server.describe() + " with: DROP DATABASE " + Sql.ident(copy.database())));
  }

  private void build(Connection maintenance, DatabaseTarget template, Version version, byte[] schema,
      byte[] metadataRows, String hash) throws DatabaseException, DatabaseRefusedException, PatchScriptException {
    long start = System.nanoTime();
    server.dropTemplate(maintenance, template.database());
    server.create(maintenance, template.database(), Optional.empty());
    DevelopmentMarker.markTemplate(maintenance, template.database(), "pending");
    try (Connection c = template.connect()) {
      new ProductionStateLoader(server, next).load(c, version, schema, metadataRows);
    } catch (SQLException e) {
      throw DatabaseException.of("build the template", template.database(), server.describe(), e);
    }
    DevelopmentMarker.markTemplate(maintenance, template.database(), hash);
    events.accept(HopEvent.lifecycle("Built template " + template.database() + " for production " + version
        + " in " + Durations.format(Duration.ofNanos(System.nanoTime() - start))));
  }

  /**
   * Drops the templates hop built for {@code owner} at production versions older than {@code version}: once a
   * newer production state has its template, they would only fill the server (one per release, forever).
   */
  private void dropOlderTemplates(Connection maintenance, String owner, Version version)
      throws DatabaseException, DatabaseRefusedException {
    List<String> older = new ArrayList<>();
    try (Statement s = maintenance.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '%\\_\\_hop\\_%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        templateVersion(owner, name).filter(v -> v.compareTo(version) < 0).ifPresent(v -> older.add(name));
      }
    } catch (SQLException e) {
      throw DatabaseException.of("list the templates", owner, server.describe(), e);
    }
    for (String name : older) {
      if (DevelopmentMarker.isTemplate(maintenance, name)) {
        server.dropTemplate(maintenance, name);
        events.accept(HopEvent.detail("Dropped template " + name + ", older than production " + version));
      }
    }
  }

  /** The version of {@code name} when it is {@link #templateName} of {@code owner} at some version. */
  static Optional<Version> templateVersion(String owner, String name) {
    Matcher m = TEMPLATE_SUFFIX.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      Version v = new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return templateName(owner, v).equals(name) ? Optional.of(v) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code <database>__hop_<major>_<minor>_<patch>}, the database part shortened to fit 63 characters. */
  static String templateName(String database, Version version) {
    return fit(database, "__hop_" + version.major() + "_" + version.minor() + "_" + version.patch());
  }

  /** {@code <database>__hop_next}, the database part shortened to fit 63 characters. */
  static String aheadName(String database) {
    return fit(database, "__hop_next");
  }

  private static String fit(String database, String suffix) {
    String base = database.length() + suffix.length() > MAX_IDENTIFIER
        ? database.substring(0, MAX_IDENTIFIER - suffix.length()) : database;
    return base + suffix;
  }

  static String hash(byte[] schema, byte[] metadataRows) {
    return Sha256.hex(schema, "\0hop:metadata\0".getBytes(StandardCharsets.UTF_8), metadataRows);
  }

}
