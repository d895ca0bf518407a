package dev.hop.core.db;

import dev.hop.core.Durations;
import dev.hop.core.CommandHints;
import dev.hop.core.DatabaseException;
import dev.hop.core.DatabaseRefusedException;
import dev.hop.core.HopEvent;
import dev.hop.core.HopEvents;
import dev.hop.core.PatchScriptException;
import dev.hop.core.Sha256;
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
    long start = System.nanoTime();
    String template = templateName(templateOwner, version);
    String hash = hash(schema, metadataRows);
    boolean reused;
    try (Connection c = server.connect()) {
      reused = DevelopmentMarker.comment(c, template)
          .filter(comment -> comment.equals(DevelopmentMarker.TEMPLATE + "sha256=" + hash)).isPresent();
      if (!reused) {
        build(c, development.withDatabase(template), version, schema, metadataRows, hash);
        dropOlderTemplates(c, templateOwner, version);
      }
      server.dropDevelopment(c, development.database(), "re-create");
      server.createDevelopment(c, development.database(), Optional.of(template));
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", development.database(), server.describe(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    events.accept(HopEvent.lifecycle("Restored " + development.database() + " to production " + version + " in "
        + Durations.format(took) + (reused ? " (template reused)" : " (template built)")));
    return new RestoreResult(development.database(), template, reused, took);
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
    String suffix = "__hop_" + version.major() + "_" + version.minor() + "_" + version.patch();
    String base = database.length() + suffix.length() > MAX_IDENTIFIER
        ? database.substring(0, MAX_IDENTIFIER - suffix.length()) : database;
    return base + suffix;
  }

  static String hash(byte[] schema, byte[] metadataRows) {
    return Sha256.hex(schema, "\0hop:metadata\0".getBytes(StandardCharsets.UTF_8), metadataRows);
  }

}
