package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.db.Backup;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.WorkTreeCheck;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * upgrade over a fleet of databases of one schema (a database per tenant, region or customer): Git is fetched,
 * pulled and read once; then each database is upgraded as a single one is — its own advisory lock, backup, one
 * transaction, rollback — by a bounded pool of threads. One database failing stops no other unless {@code failFast};
 * its failure is kept in its outcome. A dry run writes one plan per version the databases are at.
 */
public final class FleetUpgrade {
  private static final String GOAL = "upgrade";

  private final Project project;
  private final Options options;
  private final CommandHints hints;
  private final Object git = new Object();
  private final AppliedFilesCheck.Memo appliedFiles = new AppliedFilesCheck.Memo(git);
  private final Map<Version, UpgradePlan> plans = new HashMap<>();
  /** pg_dump and pg_restore by server version: located once, not twice per database (each a process started). */
  private final Map<String, Backup> backupTools = new HashMap<>();
  private Releases releases;
  private Path backups;
  private HopException unclean;
  private boolean cleanChecked;

  /** One database of the fleet: the name it is reported by, and where it is. */
  public record Member(String name, DatabaseTarget target) {
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * What the user asked.
   *
   * @param toRelease the production release to stop at, empty for the latest
   * @param dryRun describe the plans and write their SQL, changing nothing
   * @param backupDir where the backups go, empty for the project's {@code backups/}
   * @param lockWait how long to wait for another upgrade of the same database
   * @param runner how many databases are upgraded at once, and whether a failure stops those not yet started
   */
  public record Options(Optional<Version> toRelease, boolean dryRun, Optional<Path> backupDir, Duration lockWait,
      FleetRunner runner) {
    public Options {
      Objects.requireNonNull(toRelease, "toRelease");
      Objects.requireNonNull(backupDir, "backupDir");
      Objects.requireNonNull(lockWait, "lockWait");
      Objects.requireNonNull(runner, "runner");
    }
  }

  /** How one database came out. */
  public enum Status {
    /** At the release asked already. */
    UP_TO_DATE,
    /** Upgraded. */
    UPGRADED,
    /** Would be upgraded (dry run). */
    DRY_RUN,
    /** Not upgraded: the failure says why; an upgrade that failed was undone. */
    FAILED,
    /** Not started: an earlier failure stopped the fleet ({@code failFast}). */
    NOT_RUN
  }

  /**
   * One database's outcome.
   *
   * @param from its version before, when it was read
   * @param to its version after (or, in a dry run, the version it would reach)
   * @param releases how many releases were (or would be) applied
   * @param took how long the database took, its backup included
   * @param backupTook how long its backup took, when one was taken
   * @param error for a failure, hop's message
   */
  public record Outcome(String name, Status status, Optional<Version> from, Optional<Version> to, int releases,
      Duration took, Optional<Path> backup, Optional<Duration> backupTook, Optional<String> error) {
  }

  /** The outcomes in the fleet's order, and the plan files of a dry run. */
  public record Report(List<Outcome> databases, List<Path> planFiles) {
    public Report {
      databases = List.copyOf(databases);
      planFiles = List.copyOf(planFiles);
    }
  }

  public FleetUpgrade(Project project, Options options) {
    this.project = project;
    this.options = options;
    this.hints = project.settings().hints();
  }

  /**
   * Checks the Git side once, changing nothing but ho-prod's fast-forward: on ho-prod, fetched and pulled, release
   * files committed, the release asked a production release, the backup folder ignored by Git.
   */
  public void check() throws HopException {
    ProductionCheckout.fetchOnHoProd(project.git(), GOAL, OriginSync.Scope.PRODUCTION);
    ProductionCheckout.pullCheckingTreeOnlyToPull(project.git(), GOAL);
    ProductionCheckout.requireCommittedReleases(project.git(), GOAL);
    releases = project.releases();
    if (options.toRelease().isPresent()) {
      releases.upgradePath(Version.ZERO, options.toRelease());
    }
    backups = options.backupDir().orElse(project.dir().resolve("backups")).toAbsolutePath().normalize();
    if (!options.dryRun()) {
      BackupFolder.requireIgnored(project, backups, GOAL);
    }
  }

  /** Upgrades every member, at most {@code parallel} at once; returns when all are done. */
  public Report run(List<Member> members) throws HopException {
    Map<Version, List<String>> groups = new TreeMap<>();
    List<Outcome> outcomes = options.runner().run(members,
        m -> upgrade(m, groups), o -> o.status() == Status.FAILED, FleetUpgrade::notRun);
    List<Path> planFiles = new ArrayList<>();
    for (Map.Entry<Version, List<String>> group : groups.entrySet()) {
      Path file = project.dir().resolve("target/hop/upgrade-plan-" + group.getKey() + ".sql");
      UpgradePlanReport.write(plans.get(group.getKey()), group.getValue().size() + " database"
          + (group.getValue().size() == 1 ? "" : "s") + " at " + group.getKey() + ": " + String.join(", ",
          group.getValue()), file);
      planFiles.add(file);
    }
    return new Report(outcomes, planFiles);
  }

  private Outcome upgrade(Member m, Map<Version, List<String>> groups) {
    long start = System.nanoTime();
    ProductionDatabase database = ProductionDatabase.of(m.target(), hints);
    HopEvents own = event -> project.events().accept(HopEvent.detail("[" + m.name() + "] " + event.message()));
    Optional<Version> from = Optional.empty();
    Outcome outcome;
    try (UpgradeConnection locked = UpgradeConnection.open(database, options.lockWait(), hints)) {
      Connection c = locked.connection();
      from = Optional.of(locked.version());
      List<Version> path = releases.upgradePath(from.get(), options.toRelease());
      if (path.isEmpty()) {
        outcome = new Outcome(m.name(), Status.UP_TO_DATE, from, from, 0, took(start), Optional.empty(),
            Optional.empty(), Optional.empty());
      } else {
        UpgradePlan plan = plan(database, c, from.get(), path);
        if (options.dryRun()) {
          synchronized (groups) {
            groups.computeIfAbsent(from.get(), v -> new ArrayList<>()).add(m.name());
          }
          outcome = new Outcome(m.name(), Status.DRY_RUN, from, Optional.of(plan.to()), path.size(), took(start),
              Optional.empty(), Optional.empty(), Optional.empty());
        } else {
          UpgradeSafety safety = new UpgradeSafety(project);
          UpgradeTransaction.Applied applied = new UpgradeTransaction(project, own, database, backupTools(c, safety),
              safety.catalogBefore(c)).apply(c, plan, backups);
          outcome = new Outcome(m.name(), Status.UPGRADED, from, Optional.of(plan.to()), applied.releases().size(),
              took(start), Optional.of(applied.backup()), Optional.of(applied.backupTook()), Optional.empty());
        }
      }
    } catch (HopException | RuntimeException e) {
      outcome = new Outcome(m.name(), Status.FAILED, from, from, 0, took(start), Optional.empty(),
          Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
    }
    project.events().accept(outcome.status() == Status.FAILED
        ? HopEvent.warn(line(outcome) + ": " + firstLine(outcome.error().orElse("")))
        : HopEvent.lifecycle(line(outcome)));
    return outcome;
  }

  /**
   * The plan from {@code from} (read once per version, at the release tags) after the database's applied files are
   * checked against Git; Git is read by one thread at a time, and the work tree must be clean once a database has
   * releases to apply.
   */
  private UpgradePlan plan(ProductionDatabase database, Connection c, Version from, List<Version> path)
      throws HopException {
    synchronized (git) {
      if (!cleanChecked) {
        cleanChecked = true;
        try {
          new WorkTreeCheck(project.git()).requireClean(GOAL);
        } catch (HopException e) {
          unclean = e;
        }
      }
      if (unclean != null) {
        throw unclean;
      }
    }
    // the database is read outside the lock; Git, once per distinct set of applied files, under it
    AppliedFilesCheck.requireUnedited(project, database, c, releases, GOAL, appliedFiles);
    synchronized (git) {
      UpgradePlan plan = plans.get(from);
      if (plan == null) {
        plan = UpgradePlan.read(project.git(), releases, from, path);
        plans.put(from, plan);
      }
      return plan;
    }
  }

  /** The backup tools for the server {@code c} is connected to, located on the first database of its version. */
  private Backup backupTools(Connection c, UpgradeSafety safety) throws HopException {
    String version = ServerVersion.of(c).text();
    synchronized (backupTools) {
      Backup tools = backupTools.get(version);
      if (tools == null) {
        tools = safety.backup(c);
        backupTools.put(version, tools);
      }
      return tools;
    }
  }

  private static Outcome notRun(Member m) {
    return new Outcome(m.name(), Status.NOT_RUN, Optional.empty(), Optional.empty(), 0, Duration.ZERO,
        Optional.empty(), Optional.empty(), Optional.of(FleetRunner.NOT_STARTED));
  }

  private static String line(Outcome o) {
    String versions = o.from().map(v -> v + (o.to().isPresent() && !o.to().get().equals(v) ? " -> " + o.to().get()
        : "")).orElse("?");
    return "[" + o.name() + "] " + versions + ": " + o.status().name().toLowerCase(Locale.ROOT)
        .replace('_', ' ') + " (" + Durations.format(o.took()) + ")";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static Duration took(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
