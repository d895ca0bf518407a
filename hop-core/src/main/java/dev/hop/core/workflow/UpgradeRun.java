package dev.hop.core.workflow;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PatchExecutor;
import dev.hop.core.db.PatchRun;
import dev.hop.core.db.PatchScript;
import dev.hop.core.db.PatchScripts;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies an upgrade plan's releases in order on one connection inside the caller's transaction, recording each
 * release in {@code hop_release}; it remembers where it is, and whether a script committed early, for the report
 * of a failure.
 */
public final class UpgradeRun {
  private final PatchExecutor executor;
  private final HopEvents events;
  private final MetadataSchema metadata = new MetadataSchema();
  private Version release;
  private PatchId patch;
  private boolean committedEarly;

  /** What one release took. */
  public record Applied(Version version, int patches, int files, Duration took) {
  }

  public UpgradeRun(DatabaseTarget target, HopEvents events, String next) {
    // the whole path is one transaction: the patches' records go with their release's
    this.executor = new PatchExecutor(target, events, next, HopEvent.Level.LIFECYCLE).recordsWaitForFlush();
    this.events = events;
  }

  /** Applies every release of {@code plan}; the caller commits or rolls back. */
  public List<Applied> apply(Connection c, UpgradePlan plan) throws HopException {
    List<Applied> applied = new ArrayList<>();
    metadata.complete(c); // a database of half_orm_dev gets hop_applied_patch
    for (UpgradePlan.Release r : plan.releases()) {
      release = r.version();
      long start = System.nanoTime();
      events.accept(HopEvent.lifecycle("Applying release " + r.version() + " (" + r.patches().size() + " patch"
          + (r.patches().size() == 1 ? "" : "es") + ", tag " + r.tag() + ")"));
      int files = 0;
      for (UpgradePlan.Patch p : r.patches()) {
        patch = p.id();
        PatchRun run = apply(c, r, p);
        committedEarly |= !run.transactional();
        files += run.scripts().size();
      }
      patch = null;
      executor.flush(c);
      metadata.recordRelease(c, DatabaseRelease.production(r.version()), UpgradePlanSql.changelog(r), r.commit());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      events.accept(HopEvent.lifecycle("Applied release " + r.version() + ": " + r.patches().size() + " patch"
          + (r.patches().size() == 1 ? "" : "es") + ", " + files + " file" + (files == 1 ? "" : "s") + " ("
          + Durations.format(took) + ")"));
      applied.add(new Applied(r.version(), r.patches().size(), files, took));
    }
    return applied;
  }

  private PatchRun apply(Connection c, UpgradePlan.Release r, UpgradePlan.Patch p) throws HopException {
    try {
      return executor.apply(c, r.version().toString(), p.id(), p.files(), Optional.empty());
    } catch (PatchScriptException e) {
      committedEarly |= brokeTransactionBefore(p, e.file());
      throw e;
    } catch (HopException | RuntimeException e) {
      committedEarly |= brokeTransactionBefore(p, null);
      throw e;
    }
  }

  /** Whether {@code p} committed early up to {@code failedFile} (that file included; any file when unknown). */
  private static boolean brokeTransactionBefore(UpgradePlan.Patch p, String failedFile) {
    for (PatchScript script : PatchScripts.of(p.files())) {
      if (failedFile != null && failedFile.endsWith("/" + script.name())) {
        return script.breaksTransaction();
      }
      if (script.breaksTransaction()) {
        return true;
      }
    }
    return false;
  }

  /** The release being applied when the run stopped. */
  public Optional<Version> release() {
    return Optional.ofNullable(release);
  }

  /** The patch being applied when the run stopped; empty between patches. */
  public Optional<PatchId> patch() {
    return Optional.ofNullable(patch);
  }

  /** Whether part of the work was committed before the end (a Java script or a no-transaction file ran). */
  public boolean committedEarly() {
    return committedEarly;
  }
}
