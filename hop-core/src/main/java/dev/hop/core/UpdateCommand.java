package dev.hop.core;

import dev.hop.core.base.HopEvent;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.Background;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.Project;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Brings a production host's ho-prod up to origin (fetch with pruning, fast-forward) and reports the database's
 * version, the newer production releases with their patches and the upgrade path;
 * changes no database. Like {@code upgrade}, it asks for a clean tree only when ho-prod must be pulled, and for
 * committed release files always; origin is fetched on a thread of its own while the database is looked for.
 */
public final class UpdateCommand extends HopCommand<UpdateResult> {
  static final String GOAL = "update";

  UpdateCommand(Project project) {
    super(project);
  }

  /**
   * Fetches origin while it looks for the database; the change (the pull of ho-prod) and the report follow.
   *
   * @throws dev.hop.core.errors.ProductionDatabaseException without hop.url, for a missing database or one without
   *     hop metadata
   * @throws dev.hop.core.errors.RepositoryStateException off ho-prod, with local changes when ho-prod must be pulled
   *     or to release files, or when ho-prod diverged from origin
   * @throws dev.hop.core.errors.HopEnvironmentException when Git, origin or the database fail
   */
  @Override
  protected Changes<UpdateResult> check() throws HopException {
    ProductionDatabase database = ProductionDatabase.of(project.settings(), GOAL);
    Background<Void> fetched = project.startGit(git -> {
      ProductionCheckout.fetchOnHoProd(git, GOAL, OriginSync.Scope.EVERYTHING);
      return null;
    });
    boolean exists = database.exists();
    fetched.await();
    if (!exists) {
      throw ProductionDatabaseException.missing(database.name(), database.server().describe(),
          project.settings().hints());
    }
    return () -> update(database);
  }

  private UpdateResult update(ProductionDatabase database) throws HopException {
    GitWorkspace git = project.git();
    boolean pulled = ProductionCheckout.pullCheckingTreeOnlyToPull(git, GOAL);
    ProductionCheckout.requireCommittedReleases(git, GOAL);
    Releases releases = project.releases();
    Version current = version(database);
    List<UpdateResult.Release> newer = releases.productionVersions().stream()
        .filter(v -> v.isAfter(current))
        .map(v -> new UpdateResult.Release(v, releases.patches(ReleaseName.production(v))))
        .toList();
    List<Version> path = releases.upgradePath(current, Optional.empty());
    UpdateResult result = new UpdateResult(database.name(), current, releases.productionVersion(), pulled, newer,
        path);
    project.events().accept(HopEvent.lifecycle("Database " + database.name() + " is at " + current + "; "
        + (path.isEmpty() ? "no newer production release" : path.size() + " newer production release"
        + (path.size() == 1 ? "" : "s"))));
    return result;
  }

  private static Version version(ProductionDatabase database) throws HopException {
    DatabaseTarget target = database.target();
    try (Connection c = target.connect()) {
      return database.version(c);
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", database.name(), target.server(), e);
    }
  }
}
