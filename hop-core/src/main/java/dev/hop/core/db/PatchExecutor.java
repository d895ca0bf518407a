package dev.hop.core.db;

import dev.hop.core.base.Durations;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.release.PatchId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one patch's scripts in order on the caller's connection and transaction, recording each file in
 * {@code hop_applied_patch}; the session is reset ({@link SessionReset}) after its last script, so that the next
 * patch on the connection starts as the first did (hop itself sets nothing on it) and hop's records are written in a
 * clean session. A Java script or a {@code -- hop:no-transaction} file commits the work before it. Inside
 * a transaction the records are sent together, at the end of the patch or before a script commits the work, so that
 * each is committed with the work it describes.
 */
public final class PatchExecutor {

  private final DatabaseTarget target;
  private final HopEvents events;
  private final SqlScriptRunner sql;
  private final JavaScriptRunner java;
  private final String next;
  private final MetadataSchema metadata = new MetadataSchema();
  private final HopEvent.Level fileLevel;
  /** The records not sent yet: this patch's, and the earlier patches' when records wait for {@link #flush}. */
  private final List<AppliedScript> records = new ArrayList<>();
  private boolean recordsWaitForFlush;

  /**
   * @param target the database {@code c} is connected to (Java scripts connect to it themselves)
   * @param next the command the user runs after fixing a script, e.g. {@code mvn hop:patch-apply}
   */
  public PatchExecutor(DatabaseTarget target, HopEvents events, String next) {
    this(target, events, next, HopEvent.Level.DETAIL);
  }

  /**
   * @param fileLevel the level of the one line per script file ({@code upgrade} logs it as a lifecycle line)
   */
  public PatchExecutor(DatabaseTarget target, HopEvents events, String next, HopEvent.Level fileLevel) {
    this.fileLevel = fileLevel;
    this.target = target;
    this.events = events;
    this.next = next;
    this.sql = new SqlScriptRunner(next);
    this.java = new JavaScriptRunner(events, next);
  }

  /**
   * Keeps the records of whole patches until {@link #flush}, for a caller that applies many patches in one
   * transaction ({@code upgrade}): one round trip per release instead of one per patch. A script that commits the
   * work, or runs outside any transaction, still sends every record before it, or with it.
   */
  public PatchExecutor recordsWaitForFlush() {
    recordsWaitForFlush = true;
    return this;
  }

  /** Sends the records kept so far, in order: before the caller commits. */
  public void flush(Connection c) throws DatabaseException {
    metadata.recordApplied(c, records);
    records.clear();
  }

  /**
   * Runs the scripts of {@code patch} for {@code release}; the caller commits or rolls back (after a {@link #flush}
   * when records wait for it).
   *
   * @param files the patch folder's files by relative path (from the working tree or Git)
   * @param folder the patch folder in the working tree, empty when the files come from Git
   */
  public PatchRun apply(Connection c, String release, PatchId patch, Map<String, byte[]> files,
      Optional<Path> folder) throws PatchScriptException, DatabaseException, ProjectFileException {
    long start = System.nanoTime();
    PatchScripts.requireRunnable("Patches/" + patch, files, next);
    List<PatchScript> scripts = PatchScripts.of(files);
    boolean inTransaction = inTransaction(c);
    boolean transactional = true;
    List<String> names = new ArrayList<>();
    List<String> committed = new ArrayList<>();
    try (PatchFolder dir = PatchFolder.of(folder, files)) {
      for (PatchScript script : scripts) {
        String file = "Patches/" + patch + "/" + script.name();
        long t0 = System.nanoTime();
        if (inTransaction && script.breaksTransaction()) {
          flush(c);
          commit(c, file);
          committed.clear();
          committed.addAll(names);
          transactional = false;
          events.accept(HopEvent.warn("Patch " + patch + " is not transactional from " + script.name() + " on: "
              + (script.kind() == PatchScript.Kind.JAVA ? "a Java script" : "a -- hop:no-transaction file")
              + " runs outside the patch's transaction, so the scripts before it were committed"));
        }
        try {
          run(c, dir, file, script);
        } catch (PatchScriptException e) {
          throw e.withCommitted(committed);
        }
        if (script.breaksTransaction() || !inTransaction) {
          committed.add(script.name());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        records.add(new AppliedScript(release, patch.value(), script.name(), script.sha256(), null, took));
        if (!inTransaction) {
          flush(c); // each script committed on its own: so is its record
        }
        events.accept(new HopEvent(fileLevel, "Ran " + file + " in " + Durations.format(took)));
        names.add(script.name());
      }
      SessionReset.reset(c);
      if (!recordsWaitForFlush) {
        flush(c);
      }
    } catch (HopException | RuntimeException e) {
      records.clear(); // the caller rolls them back with the work
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    events.accept(HopEvent.lifecycle("Applied patch " + patch + ": " + names.size() + " script"
        + (names.size() == 1 ? "" : "s") + " in " + Durations.format(took)
        + (transactional ? "" : " (not transactional)")));
    return new PatchRun(patch, names, transactional, took);
  }

  private void run(Connection c, PatchFolder dir, String file, PatchScript script)
      throws PatchScriptException, DatabaseException, ProjectFileException {
    if (script.kind() == PatchScript.Kind.JAVA) {
      java.run(target, dir.path(), script.name(), file);
      return;
    }
    String text = ScriptText.decode(file, script.bytes(), next);
    if (!script.isNoTransaction() || !inTransaction(c)) {
      sql.run(c, file, text);
      return;
    }
    setAutoCommit(c, true, file);
    try {
      sql.run(c, file, text);
    } finally {
      setAutoCommit(c, false, file);
    }
  }

  private static boolean inTransaction(Connection c) throws DatabaseException {
    try {
      return !c.getAutoCommit();
    } catch (SQLException e) {
      throw Jdbc.failure("read the transaction mode", c, e);
    }
  }

  private static void commit(Connection c, String file) throws DatabaseException {
    try {
      c.commit();
    } catch (SQLException e) {
      throw Jdbc.failure("commit the scripts before " + file, c, e);
    }
  }

  private static void setAutoCommit(Connection c, boolean on, String file) throws DatabaseException {
    try {
      c.setAutoCommit(on);
    } catch (SQLException e) {
      throw Jdbc.failure("switch autocommit " + (on ? "on" : "off") + " around " + file, c, e);
    }
  }
}
