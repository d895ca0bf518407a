package dev.hop.core;

import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.db.UpgradeLock;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DriftException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.git.GitId;
import dev.hop.core.git.Tags;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.SchemaCheck;
import dev.hop.core.workflow.UpgradePlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records production releases as applied without running them (a repair): a DBA applied them by hand, or the database
 * was restored from elsewhere. Under the upgrade lock, the database's schema must equal the snapshot of
 * {@code toRelease} ({@link SchemaCheck}); then every production release from the database's version up to it is
 * recorded in {@code hop_release}, in one transaction, hop's metadata installed where it is missing. Refuses
 * ({@code HopUserException}) without hop.url or a release, off ho-prod, for a missing database, a release that is not
 * a production release or is older than the database, a schema that differs (the objects named).
 */
public final class MarkAppliedCommand extends HopCommand<MarkAppliedResult> {
  static final String GOAL = "mark-applied";

  private Optional<Version> toRelease = Optional.empty();
  private Duration lockWait = Duration.ofSeconds(30);

  MarkAppliedCommand(Project project) {
    super(project);
  }

  /** The production release the database's schema is at. */
  public MarkAppliedCommand setToRelease(Optional<Version> toRelease) {
    checkCallable();
    this.toRelease = toRelease;
    return this;
  }

  /** How long to wait for an upgrade of the same database to release its lock. */
  public MarkAppliedCommand setLockWait(Duration lockWait) {
    checkCallable();
    this.lockWait = lockWait;
    return this;
  }

  @Override
  protected Changes<MarkAppliedResult> check() throws HopException {
    ProductionDatabase database = ProductionDatabase.existing(project.settings(), GOAL);
    ProductionCheckout.requireReleasesOfHoProd(project.git(), GOAL);
    Version to = toRelease.orElseThrow(() -> ProductionDatabaseException.noRelease(GOAL,
        project.settings().hints().command(GOAL, "toRelease", "<X.Y.Z>")));
    Version from = recorded(database);
    Releases releases = project.releases();
    List<Version> path = releases.upgradePath(from, Optional.of(to));
    Map<Version, String> commits = new java.util.HashMap<>();
    Tags tags = new Tags(project.git(), project.clock());
    for (Version v : path) {
      commits.put(v, tags.commit(UpgradePlan.tagOf(v)).map(GitId::name).orElse(""));
    }
    SchemaCheck schema = SchemaCheck.prepare(project, database.target(), "check", "load the snapshot of " + to
        + " into");
    SchemaCheck.Snapshot snapshot = SchemaCheck.atTag(project, to);
    return () -> {
      if (path.isEmpty()) {
        return new MarkAppliedResult(database.name(), from, to, List.of(), took());
      }
      try (Connection c = database.target().connect();
          UpgradeLock lock = UpgradeLock.acquire(c, lockWait, project.settings().hints())) {
        List<String> differences = schema.differences(snapshot, project.settings().hints().command(GOAL,
            "toRelease", to.toString())).stream().map(SchemaDiff.Difference::describe).toList();
        if (!differences.isEmpty()) {
          throw DriftException.schema(GOAL, database.name(), to.toString(), differences, project.settings().hints());
        }
        record(c, path, commits, to);
      } catch (SQLException e) {
        throw DatabaseException.of("record the releases", database.name(), database.server().describe(), e);
      }
      return new MarkAppliedResult(database.name(), from, to, path, took());
    };
  }

  /** The database's version, 0.0.0 when it records none (no metadata, or no release). */
  private static Version recorded(ProductionDatabase database) throws HopException {
    try (Connection c = database.target().connect()) {
      return new MetadataSchema().recordedRelease(c).map(DatabaseRelease::version).orElse(Version.ZERO);
    } catch (SQLException e) {
      throw DatabaseException.of("read the database version", database.name(), database.server().describe(), e);
    }
  }

  private static void record(Connection c, List<Version> path, Map<Version, String> commits, Version to)
      throws SQLException, HopException {
    MetadataSchema metadata = new MetadataSchema();
    c.setAutoCommit(false);
    try {
      metadata.install(c);
      for (Version v : path) {
        metadata.recordRelease(c, DatabaseRelease.production(v), "Marked as applied by hop:mark-applied (the schema"
            + " equalled model/schema-" + to + ".sql); no patch was run", commits.get(v));
      }
      c.commit();
    } catch (SQLException | HopException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
