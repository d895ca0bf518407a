package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.HopSettings;
import dev.hop.core.db.Backup;
import dev.hop.core.db.BackupRestore;
import dev.hop.core.db.CatalogDigest;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.ProductionStateLoader;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.db.UpgradeLock;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.errors.UpgradeFailedException;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.IgnoreCheck;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.WorkTreeCheck;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import dev.hop.core.workflow.Background;
import dev.hop.core.workflow.ProductionCheckout;
import dev.hop.core.workflow.ProductionDatabase;
import dev.hop.core.workflow.ProductionState;
import dev.hop.core.workflow.Project;
import dev.hop.core.workflow.UpgradePlan;
import dev.hop.core.workflow.UpgradePlanReport;
import dev.hop.core.workflow.UpgradeRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades the production database along the path of production releases (SPEC §7 {@code upgrade}): checks every
 * precondition, then either describes the plan (dry run) or backs up and applies the whole path in one
 * transaction, undoing everything on failure and checking that the database is as before. With nothing to apply it
 * changes nothing, so it asks nothing of the work tree beyond committed release files, and looks for no pg_dump.
 */
public final class UpgradeCommand {
  static final String GOAL = "upgrade";

  private final Project project;
  private Optional<Version> toRelease = Optional.empty();
  private boolean dryRun;
  private boolean create;
  private Optional<Path> backupDir = Optional.empty();
  private Duration lockWait = Duration.ofSeconds(30);
  private boolean called;
  private Backup backupTool;
  private String catalogBefore;

  UpgradeCommand(Project project) {
    this.project = project;
  }

  /** Stops at this production release instead of the latest. */
  public UpgradeCommand setToRelease(Optional<Version> toRelease) {
    checkCallable();
    this.toRelease = toRelease;
    return this;
  }

  /** Describes the plan and writes its SQL, changing nothing. */
  public UpgradeCommand setDryRun(boolean dryRun) {
    checkCallable();
    this.dryRun = dryRun;
    return this;
  }

  /** Creates a missing database at the production state of {@code model/} first. */
  public UpgradeCommand setCreate(boolean create) {
    checkCallable();
    this.create = create;
    return this;
  }

  /** Where the backup goes (default: the project's {@code backups/}, which Git must ignore). */
  public UpgradeCommand setBackupDir(Optional<Path> backupDir) {
    checkCallable();
    this.backupDir = backupDir;
    return this;
  }

  /** How long to wait for another upgrade of the same database to release its lock. */
  public UpgradeCommand setLockWait(Duration lockWait) {
    checkCallable();
    this.lockWait = lockWait;
    return this;
  }

  /**
   * Checks, then upgrades (or describes).
   *
   * @throws ProductionDatabaseException without hop.url, for a missing database without create, without metadata
   * @throws RepositoryStateException off ho-prod, not clean, not synced, a missing release tag
   * @throws ReleaseStateException when toRelease is not a production release or is older than the database
   * @throws DatabaseRefusedException when another upgrade holds the lock past the wait
   * @throws UpgradeFailedException when applying failed (everything undone, the database checked)
   * @throws HopEnvironmentException when Git, PostgreSQL or pg_dump fail
   */
  public UpgradeResult call() throws HopException {
    checkCallable();
    called = true;
    long start = System.nanoTime();
    HopSettings settings = project.settings();
    ProductionDatabase database = ProductionDatabase.of(settings, GOAL);
    Background<Void> fetched = project.startGit(g -> {
      ProductionCheckout.fetchOnHoProd(g, GOAL, OriginSync.Scope.PRODUCTION);
      return null;
    });
    boolean missing = !database.exists();
    Optional<Releases> early = readEarly();
    // an existing database is connected to, locked and read while origin is still fetched; what fails there is
    // reported once Git's own checks have passed
    try (LockedDatabase locked = missing ? null : LockedDatabase.open(database, lockWait, settings.hints())) {
      checkEarly(locked, early);
      fetched.await();
      GitWorkspace git = project.git();
      boolean pulled = ProductionCheckout.pullCheckingTreeOnlyToPull(git, GOAL);
      Releases releases = pulled || early.isEmpty() ? project.releases() : early.get();
      Path backups = backupDir.orElse(project.dir().resolve("backups")).toAbsolutePath().normalize();
      if (missing && !create) {
        throw ProductionDatabaseException.missing(database.name(), database.server().describe(), settings.hints());
      }
      if (!missing) {
        return upgrade(git, database, locked.connection(), locked.version(), releases, backups, false, start);
      }
      Optional<UpgradeResult> described = createMissing(git, database, releases, backups, start);
      if (described.isPresent()) {
        return described.get();
      }
      try (LockedDatabase created = LockedDatabase.open(database, lockWait, settings.hints())) {
        return upgrade(git, database, created.connection(), created.version(), releases, backups, true, start);
      }
    }
  }

  /** From the locked database at {@code from}: nothing to do, the plan described, or the plan applied. */
  private UpgradeResult upgrade(GitWorkspace git, ProductionDatabase database, Connection c, Version from,
      Releases releases, Path backups, boolean created, long start) throws HopException {
    List<Version> path = releases.upgradePath(from, toRelease);
    if (path.isEmpty()) {
      ProductionCheckout.requireCommittedReleases(git, GOAL);
      return result(UpgradeResult.Status.UP_TO_DATE, database, created, new UpgradePlan(from, List.of()),
          List.of(), Optional.empty(), Optional.empty(), start);
    }
    // the clean work tree is checked on a thread of its own while the plan is read, and the backup tool and the
    // catalog's digest (unless found early) looked for; a dirty tree is still reported first. A database just
    // created had its tree checked before it was
    Optional<Background<Void>> clean = created ? Optional.empty()
        : Optional.of(Background.start("hop-upgrade-clean-check", () -> {
          new WorkTreeCheck(git).requireClean(GOAL);
          return null;
        }));
    UpgradePlan plan;
    Checked checked;
    try {
      plan = UpgradePlan.read(git, releases, from, path);
      checked = new Checked(backupTool(c), dryRun ? "" : catalogBefore(c));
    } catch (HopException | RuntimeException e) {
      awaitCleanCheck(clean);
      throw e;
    }
    awaitCleanCheck(clean);
    if (dryRun) {
      return dryRun(database, plan, created, start);
    }
    if (!created) {
      requireIgnored(backups);
    }
    return apply(c, database, plan, checked, backups, created, start);
  }

  /** Waits for the clean-tree check, if one was started, and throws what it found. */
  private static void awaitCleanCheck(Optional<Background<Void>> clean) throws HopException {
    if (clean.isPresent()) {
      clean.get().await();
    }
  }

  /**
   * Looks for pg_dump and digests the catalog while origin is still fetched, when the release files read so far give
   * a plan: the main thread would only wait. What fails is left for its turn, after Git's checks, to report.
   */
  private void checkEarly(LockedDatabase locked, Optional<Releases> early) {
    if (locked == null || early.isEmpty()) {
      return;
    }
    try {
      if (!early.get().upgradePath(locked.version(), toRelease).isEmpty()) {
        backupTool(locked.connection());
        if (!dryRun) {
          catalogBefore(locked.connection());
        }
      }
    } catch (HopException | RuntimeException e) {
      // reported in its turn
    }
  }

  /** The digest of the catalog before any change (what the check after a failure compares with), taken once. */
  private String catalogBefore(Connection c) throws HopException {
    if (catalogBefore == null) {
      catalogBefore = CatalogDigest.of(c);
    }
    return catalogBefore;
  }

  /**
   * A connection to the production database holding the upgrade lock, and the version read through it; or what
   * failed, kept for {@link #connection()} to throw.
   */
  private static final class LockedDatabase implements AutoCloseable {
    private final String name;
    private final String server;
    private Connection connection;
    private UpgradeLock lock;
    private Version version;
    private HopException failure;

    private LockedDatabase(ProductionDatabase database) {
      this.name = database.name();
      this.server = database.target().server();
    }

    static LockedDatabase open(ProductionDatabase database, Duration wait, CommandHints hints) {
      LockedDatabase locked = new LockedDatabase(database);
      try {
        locked.connection = database.target().connect();
        locked.lock = UpgradeLock.acquire(locked.connection, wait, hints);
        locked.version = database.version(locked.connection);
      } catch (HopException e) {
        locked.failure = e;
      }
      return locked;
    }

    /** The locked connection, or the failure to open, lock or read it. */
    Connection connection() throws HopException {
      if (failure != null) {
        throw failure;
      }
      return connection;
    }

    Version version() throws HopException {
      connection();
      return version;
    }

    @Override
    public void close() throws HopException {
      try {
        if (lock != null) {
          lock.close();
        }
      } finally {
        if (connection != null) {
          try {
            connection.close();
          } catch (SQLException e) {
            throw DatabaseException.of("close the connection", name, server, e);
          }
        }
      }
    }
  }

  /**
   * The release files, read while origin is fetched; empty when they cannot be read, for the read after the pull
   * (which a pull that changes them makes anyway) to report.
   */
  private Optional<Releases> readEarly() {
    try {
      return Optional.of(project.releases());
    } catch (HopException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates the missing database at the production state of {@code model/} once every precondition holds; a dry
   * run only describes it (and the plan from there), and returns that description.
   */
  private Optional<UpgradeResult> createMissing(GitWorkspace git, ProductionDatabase database, Releases releases,
      Path backups, long start) throws HopException {
    new WorkTreeCheck(git).requireClean(GOAL);
    ProductionState state = ProductionState.read(project.modelDir());
    List<Version> path = releases.upgradePath(state.version(), toRelease);
    try (Connection c = database.server().connect()) {
      backupTool(c);
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", database.name(), database.server().describe(), e);
    }
    if (dryRun) {
      UpgradePlan plan = UpgradePlan.read(git, releases, state.version(), path);
      project.events().accept(HopEvent.lifecycle("Would create " + database.name() + " at production "
          + state.version() + " (model/schema.sql)"));
      return Optional.of(dryRun(database, plan, true, start));
    }
    requireIgnored(backups);
    new ProductionStateLoader(database.server(), project.settings().hints().command(GOAL, "create", "true"))
        .create(database.target(), state.version(), state.schema(), state.metadata());
    project.events().accept(HopEvent.lifecycle("Created " + database.name() + " at production " + state.version()
        + " from model/schema.sql (a production database: hop never drops it)"));
    return Optional.empty();
  }

  /** What the checks before an upgrade found: the backup tool, and the catalog's digest before any change. */
  private record Checked(Backup backup, String catalogBefore) {
  }

  private UpgradeResult apply(Connection c, ProductionDatabase database, UpgradePlan plan, Checked checked,
      Path backups, boolean created, long start) throws HopException {
    DatabaseTarget target = database.target();
    Backup backup = checked.backup();
    String before = checked.catalogBefore();
    long t0 = System.nanoTime();
    Path file = backup.create(target, backups, database.name() + "-" + plan.from());
    project.events().accept(HopEvent.lifecycle("Backed up " + database.name() + " to " + file + " ("
        + Durations.format(Duration.ofNanos(System.nanoTime() - t0)) + ")"));
    UpgradeRun run = new UpgradeRun(target, project.events(), project.settings().hints().command(GOAL));
    try {
      setAutoCommit(c, false, database);
      List<UpgradeRun.Applied> applied = run.apply(c, plan);
      c.commit();
      setAutoCommit(c, true, database);
      List<UpgradeResult.Release> releases = applied.stream().map(a -> new UpgradeResult.Release(a.version(),
          patchesOf(plan, a.version()), a.files(), a.took())).toList();
      return result(UpgradeResult.Status.UPGRADED, database, created, plan, releases, Optional.of(file),
          Optional.empty(), start);
    } catch (HopException | SQLException | RuntimeException failure) {
      throw undo(c, database, plan, run, failure, before, backup, file);
    }
  }

  /** Rolls back, restores the backup when part of the run was committed, and checks the database. */
  private UpgradeFailedException undo(Connection c, ProductionDatabase database, UpgradePlan plan, UpgradeRun run,
      Exception failure,
      String before, Backup backup, Path file) throws HopException {
    HopEvents events = project.events();
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    events.accept(HopEvent.lifecycle("Rolled back the upgrade transaction"));
    boolean restored = false;
    if (run.committedEarly()) {
      events.accept(HopEvent.lifecycle("The run was not transactional: restoring " + file));
      long t0 = System.nanoTime();
      new BackupRestore(backup).restore(c, database.target(), file);
      events.accept(HopEvent.lifecycle("Restored " + database.name() + " from " + file + " ("
          + Durations.format(Duration.ofNanos(System.nanoTime() - t0)) + ")"));
      restored = true;
    }
    boolean unchanged = before.equals(CatalogDigest.of(c));
    Version release = run.release().orElse(plan.releases().get(0).version());
    return new UpgradeFailedException(release.toString(), run.patch().map(PatchId::value), failure, file, restored, unchanged,
        project.settings().hints());
  }

  private UpgradeResult dryRun(ProductionDatabase database, UpgradePlan plan, boolean created, long start)
      throws HopException {
    Path planFile = project.dir().resolve("target/hop/upgrade-plan.sql");
    UpgradePlanReport.describe(plan, project.events());
    UpgradePlanReport.write(plan, database.name(), planFile);
    List<UpgradeResult.Release> releases = plan.releases().stream().map(r -> new UpgradeResult.Release(
        r.version(), r.patches().stream().map(p -> p.id().value()).toList(),
        r.patches().stream().mapToInt(p -> p.files().size()).sum(), Duration.ZERO)).toList();
    return result(UpgradeResult.Status.DRY_RUN, database, created, plan, releases, Optional.empty(),
        Optional.of(planFile), start);
  }

  private static List<String> patchesOf(UpgradePlan plan, Version version) {
    return plan.releases().stream().filter(r -> r.version().equals(version))
        .flatMap(r -> r.patches().stream().map(p -> p.id().value())).toList();
  }

  private static UpgradeResult result(UpgradeResult.Status status, ProductionDatabase database, boolean created,
      UpgradePlan plan, List<UpgradeResult.Release> releases, Optional<Path> backup, Optional<Path> planFile,
      long start) {
    return new UpgradeResult(status, database.name(), created, plan.from(), plan.to(), releases, backup, planFile,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * pg_dump and pg_restore that can handle the server {@code c} is connected to, located once, before anything
   * changes.
   */
  private Backup backupTool(Connection c) throws HopException {
    if (backupTool == null) {
      ServerVersion version = ServerVersion.of(c);
      PgTools tools = PgTools.of(project.settings().pgBin());
      backupTool = new Backup(tools.locate("pg_dump", version.major(), version.text()),
          tools.locate("pg_restore", version.major(), version.text()), project.clock());
    }
    return backupTool;
  }

  /** Refuses a backup folder inside the work tree that Git does not ignore (a backup must never be committed). */
  private void requireIgnored(Path backups) throws HopException {
    Path workTree = project.dir().toAbsolutePath().normalize();
    if (!backups.startsWith(workTree)) {
      return;
    }
    try {
      java.nio.file.Files.createDirectories(backups);
    } catch (java.io.IOException e) {
      throw new ProjectFileException("create the backup folder", backups, e);
    }
    if (!new IgnoreCheck(project.git()).isIgnored(backups)) {
      String relative = workTree.relativize(backups).toString();
      throw new RepositoryStateException(RepositoryStateException.Reason.NOT_CLEAN, "", List.of(relative),
          "Backup folder " + relative + "/ is not ignored by Git: a database backup must never be committed."
          + " Add '" + relative + "/' to .gitignore and commit it on ho-prod, or pass a folder outside the"
          + " work tree: " + project.settings().hints().command(GOAL, "backupDir", "<folder>"));
    }
  }

  private static void setAutoCommit(Connection c, boolean on, ProductionDatabase database) throws DatabaseException {
    try {
      c.setAutoCommit(on);
    } catch (SQLException e) {
      throw DatabaseException.of("switch autocommit", database.name(), database.target().server(), e);
    }
  }

  private void checkCallable() {
    if (called) {
      throw new IllegalStateException("An UpgradeCommand runs once; ask Hop for a new one");
    }
  }
}
