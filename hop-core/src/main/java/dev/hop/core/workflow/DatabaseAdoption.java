package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.SchemaDiff;
import dev.hop.core.db.SchemaSnapshot;
import dev.hop.core.errors.AdoptionRefusedException;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitId;
import dev.hop.core.git.Tags;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.ReleaseFile;
import dev.hop.core.release.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An existing database taken as a project's first release: its schema (pg_dump, without owners, privileges and hop's
 * metadata) is loaded into a scratch database on its own server, which must give back the same schema; that copy,
 * with the release recorded, gives {@code model/schema-X.Y.Z.sql} and {@code model/metadata-X.Y.Z.sql}. Then
 * {@code releases/X.Y.Z.txt} (no patch, marked as the adoption), the commit {@code [ho] Adopt <database> as X.Y.Z},
 * the tag, the atomic push, and last the release recorded in the database itself, the one change made to it. A dry
 * run writes the files to {@code target/hop/adopt/} and changes nothing else. Also the check of a further database
 * of an adopted project: its schema must equal the adopted snapshot before the release is recorded in it.
 */
public final class DatabaseAdoption {
  /** The suffix of the scratch database's name. */
  public static final String SCRATCH_SUFFIX = "adopt";
  /** Where a dry run writes the files it would commit. */
  public static final String DRY_RUN_DIR = "target/hop/adopt";

  private final Project project;
  private final ProductionDatabase database;
  private final List<String> schemas;
  private final CommandHints hints;
  private SchemaCheck schemaCheck;

  /** What an adoption did, or would do. */
  public record Outcome(Version version, List<String> files, Optional<String> tag, boolean recorded) {
  }

  /**
   * @param schemas the schemas to take, all when empty
   */
  public DatabaseAdoption(Project project, ProductionDatabase database, List<String> schemas) {
    this.project = project;
    this.database = database;
    this.schemas = List.copyOf(schemas);
    this.hints = project.settings().hints();
  }

  /**
   * Checks, changing nothing: the database exists and records no release, a pg_dump for its server, and the scratch
   * database free for hop to use.
   */
  public void check() throws HopException {
    if (!database.exists()) {
      throw AdoptionRefusedException.noDatabase(database.name(), database.server().describe(), hints);
    }
    try (Connection c = database.target().connect()) {
      Optional<DatabaseRelease> recorded = new MetadataSchema().recordedRelease(c);
      if (recorded.isPresent()) {
        throw AdoptionRefusedException.alreadyRecorded(database.name(), recorded.get().version().toString(), hints);
      }
    } catch (SQLException e) {
      throw DatabaseException.of("read the database", database.name(), database.server().describe(), e);
    }
    schemaCheck = SchemaCheck.prepare(project, database.target(), SCRATCH_SUFFIX, "check the snapshot of "
        + database.name() + " in");
  }

  /** Takes the database as release {@code version} (the caller holds the team lock unless it is a dry run). */
  public Outcome adopt(Version version, boolean dryRun) throws HopException {
    SchemaSnapshot snapshot = new SchemaSnapshot(schemaCheck.pgDump());
    String schema = "schema-" + version + ".sql";
    String metadata = "metadata-" + version + ".sql";
    String release = Project.RELEASES + "/" + version + ".txt";
    List<String> files = List.of(release, "model/schema.sql", "model/" + schema, "model/" + metadata);
    GitId before = new Branches(project.git()).tip(Project.HO_PROD);
    byte[][] snapshots = new byte[2][];
    List<Step> plan = new ArrayList<>();
    plan.add(Step.irreversible("Take the schema of " + database.name() + " and check it rebuilds the same on database "
        + scratch().database(), () -> {
          byte[] taken = snapshot.userSchema(database.target(), schemas);
          try (ScratchDatabase copy = ScratchDatabase.loaded(scratch(), version, taken, new byte[0], hints,
              project.events(), hints.command("adopt"))) {
            record(copy.target(), version, before.name());
            List<String> differences = differences(taken, snapshot.userSchema(copy.target(), schemas));
            if (!differences.isEmpty()) {
              throw AdoptionRefusedException.snapshotUnfaithful(database.name(), differences);
            }
            snapshots[0] = snapshot.schema(copy.target());
            snapshots[1] = snapshot.metadata(copy.target());
          }
        }));
    if (dryRun) {
      Path dir = project.dir().resolve(DRY_RUN_DIR);
      plan.add(Step.irreversible("Write " + DRY_RUN_DIR + "/" + schema + ", " + metadata + " and " + version + ".txt",
          () -> {
            AtomicFiles.write(dir.resolve(schema), snapshots[0]);
            AtomicFiles.write(dir.resolve(metadata), snapshots[1]);
            AtomicFiles.write(dir.resolve(version + ".txt"), adoptionText());
          }));
      new PlanRunner(project.events(), project.clock()).run(plan);
      return new Outcome(version, List.of(DRY_RUN_DIR + "/" + schema, DRY_RUN_DIR + "/" + metadata,
          DRY_RUN_DIR + "/" + version + ".txt"), Optional.empty(), false);
    }
    Path model = project.modelDir();
    HoProdCommit commit = HoProdCommit.on(project, "Adopt " + database.name() + " as " + version, files);
    plan.add(commit.step("Write " + release + ", model/" + schema + " and model/" + metadata + ", point"
        + " model/schema.sql at " + schema + " and commit", () -> {
          AtomicFiles.write(model.resolve(schema), snapshots[0]);
          AtomicFiles.write(model.resolve(metadata), snapshots[1]);
          AtomicFiles.write(project.dir().resolve(release), adoptionText());
          AtomicFiles.link(model.resolve("schema.sql"), Path.of(schema));
        }));
    Publication publication = new Publication(project, "v" + version, version.toString());
    plan.addAll(publication.steps());
    plan.add(Step.irreversible("Record release " + version + " in " + database.name(),
        () -> record(database.target(), version, before.name())));
    new PlanRunner(project.events(), project.clock()).run(plan);
    return new Outcome(version, files, Optional.of("v" + version), true);
  }

  /**
   * Records the adopted {@code version} in the database once its schema equals the snapshot of that version in
   * {@code model/}; refuses, naming the objects that differ, otherwise. A dry run only compares.
   *
   * @return whether the release was recorded
   */
  public boolean recordCopy(Version version, boolean dryRun) throws HopException {
    Path model = project.modelDir();
    SchemaCheck.Snapshot snapshot = new SchemaCheck.Snapshot(version, read(model.resolve("schema-" + version
        + ".sql")), read(model.resolve("metadata-" + version + ".sql")));
    boolean[] recorded = new boolean[1];
    List<Step> plan = new ArrayList<>();
    plan.add(Step.irreversible("Compare the schema of " + database.name() + " with model/schema-" + version
        + ".sql, loaded into database " + scratch().database(), () -> {
          List<String> differences = schemaCheck.differences(snapshot, hints.command("adopt")).stream()
              .map(SchemaDiff.Difference::describe).toList();
          if (!differences.isEmpty()) {
            throw AdoptionRefusedException.schemaDiffers(database.name(), version.toString(), differences, hints);
          }
        }));
    if (!dryRun) {
      String commit = new Tags(project.git(), project.clock()).commit("v" + version).map(GitId::name).orElse("");
      plan.add(Step.irreversible("Record release " + version + " in " + database.name(), () -> {
        record(database.target(), version, commit);
        recorded[0] = true;
      }));
    }
    new PlanRunner(project.events(), project.clock()).run(plan);
    return recorded[0];
  }

  private byte[] adoptionText() {
    return ReleaseFile.adoptionText(database.name()).getBytes(StandardCharsets.UTF_8);
  }

  /** Records the adopted release in {@code target}, with hop's metadata schema, in one transaction. */
  private void record(DatabaseTarget target, Version version, String commit) throws HopException {
    MetadataSchema metadata = new MetadataSchema();
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      metadata.install(c);
      metadata.recordRelease(c, DatabaseRelease.production(version), "Adopted by hop from database "
          + database.name() + (schemas.isEmpty() ? "" : " (schemas " + String.join(", ", schemas) + ")"), commit);
      c.commit();
    } catch (SQLException e) {
      throw DatabaseException.of("record release " + version, target.database(), target.server(), e);
    }
  }

  private static List<String> differences(byte[] reference, byte[] actual) {
    return SchemaDiff.between(new String(reference, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8))
        .stream().map(SchemaDiff.Difference::describe).toList();
  }

  private DatabaseTarget scratch() {
    return schemaCheck.scratch();
  }

  private static byte[] read(Path file) throws ProjectFileException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProjectFileException("read", file, e);
    }
  }
}
