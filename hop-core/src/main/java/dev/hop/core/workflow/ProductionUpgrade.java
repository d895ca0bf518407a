package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.db.Backup;
import dev.hop.core.db.ProductionStateLoader;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DriftException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.WorkTreeCheck;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * upgrade: brings the production database along the production releases. {@link #check()} fetches origin and
 * fast-forwards ho-prod, locks the database, reads the plan at the release tags, finds the backup tools and checks
 * the work tree and the backup folder, changing nothing else; the checked upgrade then describes the plan (dry run),
 * or creates a missing database at the production state of {@code model/}, or backs up and applies.
 */
public final class ProductionUpgrade {
  private static final String GOAL = "upgrade";

  private final Project project;
  private final Options options;

  /**
   * What the user asked.
   *
   * @param toRelease the production release to stop at, empty for the latest
   * @param dryRun describe the plan and write its SQL, changing nothing
   * @param create create a missing database at the production state of {@code model/}
   * @param backupDir where the backup goes, empty for the project's {@code backups/}
   * @param lockWait how long to wait for another upgrade of the same database
   * @param checkSchema whether the schema must equal its version's snapshot before anything is applied
   */
  public record Options(Optional<Version> toRelease, boolean dryRun, boolean create, Optional<Path> backupDir,
      Duration lockWait, boolean checkSchema) {
    public Options {
      Objects.requireNonNull(toRelease, "toRelease");
      Objects.requireNonNull(backupDir, "backupDir");
      Objects.requireNonNull(lockWait, "lockWait");
    }
  }

  /**
   * What the upgrade did.
   *
   * @param database the database's name
   * @param created whether the database was (or, described, would be) created first
   * @param plan the releases to apply from the database's version; none when it is up to date
   * @param described whether the plan was only described (dry run)
   * @param applied what each release took, when applied
   * @param backup the backup taken before applying
   * @param planFile the SQL of a described plan
   */
  public record Outcome(String database, boolean created, UpgradePlan plan, boolean described,
      List<UpgradeRun.Applied> applied, Optional<Path> backup, Optional<Path> planFile) {
    public Outcome {
      applied = List.copyOf(applied);
    }
  }

  /** The part of a checked upgrade that changes the database. */
  @FunctionalInterface
  private interface Run {
    Outcome run() throws HopException;
  }

  /** An upgrade whose checks passed: {@link #run()} makes it, {@link #close()} releases the database's lock. */
  public static final class Checked implements AutoCloseable {
    private final Run run;
    private final EarlyUpgradeChecks early;

    private Checked(Run run, EarlyUpgradeChecks early) {
      this.run = run;
      this.early = early;
    }

    public Outcome run() throws HopException {
      return run.run();
    }

    @Override
    public void close() throws HopException {
      early.close();
    }
  }

  public ProductionUpgrade(Project project, Options options) {
    this.project = project;
    this.options = options;
  }

  /**
   * Checks every precondition; origin is fetched on the repository's thread while the database is looked at
   * ({@link EarlyUpgradeChecks}), and Git's refusals come first.
   *
   * @throws ProductionDatabaseException without hop.url, for a missing database without create, without metadata
   * @throws RepositoryStateException off ho-prod, not clean, not synced, a missing release tag
   * @throws dev.hop.core.errors.ReleaseStateException when toRelease is not a production release or is older than
   *     the database
   * @throws dev.hop.core.errors.DatabaseRefusedException when another upgrade holds the lock past the wait
   */
  public Checked check() throws HopException {
    ProductionDatabase database = ProductionDatabase.of(project.settings(), GOAL);
    Background<Void> fetched = project.startGit(git -> {
      ProductionCheckout.fetchOnHoProd(git, GOAL, OriginSync.Scope.PRODUCTION);
      return null;
    });
    EarlyUpgradeChecks early = EarlyUpgradeChecks.run(project, database, options.toRelease(), !options.dryRun(),
        options.lockWait());
    try {
      fetched.await();
      return new Checked(checkOnHoProd(database, early), early);
    } catch (HopException | RuntimeException e) {
      try {
        early.close();
      } catch (HopException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private Run checkOnHoProd(ProductionDatabase database, EarlyUpgradeChecks early) throws HopException {
    boolean pulled = ProductionCheckout.pullCheckingTreeOnlyToPull(project.git(), GOAL);
    Releases releases = pulled || early.releases().isEmpty() ? project.releases() : early.releases().get();
    Path backups = options.backupDir().orElse(project.dir().resolve("backups")).toAbsolutePath().normalize();
    if (!early.missing()) {
      UpgradeConnection locked = early.connection();
      return checkPlan(database, locked.connection(), locked.version(), releases, backups, early.safety());
    }
    if (!options.create()) {
      throw ProductionDatabaseException.missing(database.name(), database.server().describe(),
          project.settings().hints());
    }
    return checkCreation(database, releases, backups, early.safety());
  }

  /** Checks the upgrade of the existing database {@code c} (locked) from {@code from}. */
  private Run checkPlan(ProductionDatabase database, Connection c, Version from, Releases releases, Path backups,
      UpgradeSafety safety) throws HopException {
    GitWorkspace git = project.git();
    List<Version> path = releases.upgradePath(from, options.toRelease());
    if (path.isEmpty()) {
      ProductionCheckout.requireCommittedReleases(git, GOAL);
      Outcome upToDate = new Outcome(database.name(), false, new UpgradePlan(from, List.of()), false, List.of(),
          Optional.empty(), Optional.empty());
      return () -> upToDate;
    }
    // the work tree is checked on a thread of its own while the plan is read; a dirty tree is reported first
    Background<Void> clean = Background.start("hop-upgrade-clean-check", () -> {
      new WorkTreeCheck(git).requireClean(GOAL);
      return null;
    });
    UpgradePlan plan;
    Backup backup;
    String before;
    try {
      requireAsReleased(database, c, from, releases);
      plan = UpgradePlan.read(git, releases, from, path);
      backup = safety.backup(c);
      before = options.dryRun() ? "" : safety.catalogBefore(c);
    } catch (HopException | RuntimeException e) {
      clean.await();
      throw e;
    }
    clean.await();
    if (options.dryRun()) {
      return () -> describe(database, plan, false);
    }
    BackupFolder.requireIgnored(project, backups, GOAL);
    return () -> apply(database, c, plan, backup, before, backups, false);
  }

  /**
   * Refuses a database whose applied files no longer match Git (hashes only), and, when asked, one whose schema
   * differs from the snapshot of its version.
   */
  private void requireAsReleased(ProductionDatabase database, Connection c, Version from, Releases releases)
      throws HopException {
    AppliedFilesCheck.requireUnedited(project, database, c, releases, GOAL);
    if (options.checkSchema()) {
      long start = System.nanoTime();
      SchemaCheck schema = SchemaCheck.prepare(project, database.target(), "check", "load the snapshot of " + from
          + " into");
      List<String> differences = schema.differences(SchemaCheck.atTag(project, from), project.settings().hints()
          .command(GOAL)).stream().map(SchemaDiff.Difference::describe).toList();
      if (!differences.isEmpty()) {
        throw DriftException.schema(GOAL, database.name(), from.toString(), differences, project.settings().hints());
      }
      project.events().accept(HopEvent.lifecycle("Schema of " + database.name() + " is the snapshot of " + from
          + " (" + Durations.since(start) + ")"));
    }
  }

  /** Checks the creation of the missing database at the production state of {@code model/}, and the plan from it. */
  private Run checkCreation(ProductionDatabase database, Releases releases, Path backups, UpgradeSafety safety)
      throws HopException {
    GitWorkspace git = project.git();
    new WorkTreeCheck(git).requireClean(GOAL);
    ProductionState state = ProductionState.read(project.modelDir());
    UpgradePlan plan = UpgradePlan.read(git, releases, state.version(),
        releases.upgradePath(state.version(), options.toRelease()));
    try (Connection c = database.server().connect()) {
      safety.backup(c);
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", database.name(), database.server().describe(), e);
    }
    if (options.dryRun()) {
      return () -> {
        project.events().accept(HopEvent.lifecycle("Would create " + database.name() + " at production "
            + state.version() + " (model/schema.sql)"));
        return describe(database, plan, true);
      };
    }
    BackupFolder.requireIgnored(project, backups, GOAL);
    return () -> create(database, state, plan, backups, safety);
  }

  private Outcome create(ProductionDatabase database, ProductionState state, UpgradePlan plan, Path backups,
      UpgradeSafety safety) throws HopException {
    CommandHints hints = project.settings().hints();
    new ProductionStateLoader(database.server(), hints.command(GOAL, "create", "true"))
        .create(database.target(), state.version(), state.schema(), state.metadata());
    project.events().accept(HopEvent.lifecycle("Created " + database.name() + " at production " + state.version()
        + " from model/schema.sql (a production database: hop never drops it)"));
    try (UpgradeConnection created = UpgradeConnection.open(database, options.lockWait(), hints)) {
      Connection c = created.connection();
      if (plan.releases().isEmpty()) {
        return new Outcome(database.name(), true, plan, false, List.of(), Optional.empty(), Optional.empty());
      }
      return apply(database, c, plan, safety.backup(c), safety.catalogBefore(c), backups, true);
    }
  }

  private Outcome describe(ProductionDatabase database, UpgradePlan plan, boolean created) throws HopException {
    Path planFile = project.dir().resolve("target/hop/upgrade-plan.sql");
    UpgradePlanReport.describe(plan, project.events());
    UpgradePlanReport.write(plan, database.name(), planFile);
    return new Outcome(database.name(), created, plan, true, List.of(), Optional.empty(), Optional.of(planFile));
  }

  private Outcome apply(ProductionDatabase database, Connection c, UpgradePlan plan, Backup backup, String before,
      Path backups, boolean created) throws HopException {
    UpgradeTransaction.Applied applied = new UpgradeTransaction(project, database, backup, before)
        .apply(c, plan, backups);
    return new Outcome(database.name(), created, plan, false, applied.releases(), Optional.of(applied.backup()),
        Optional.empty());
  }
}
