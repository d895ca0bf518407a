package dev.hop.core.workflow;

import dev.hop.core.base.CommandHints;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.SchemaSnapshot;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitId;
import dev.hop.core.git.TreeReader;
import dev.hop.core.plan.PlanRunner;
import dev.hop.core.plan.Step;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseFile;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Releases;
import dev.hop.core.release.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * promote prod: builds the release on a scratch database (production state + the release's patches read
 * from ho-prod), records it in {@code hop_release}, writes the snapshots of {@code model/}, repoints
 * {@code model/schema.sql}, writes {@code X.Y.Z.txt}, removes the stage file, commits, tags {@code vX.Y.Z}, pushes
 * and notifies; the scratch database is dropped on every path.
 */
public final class ProdPromotion {
  /** The suffix of the scratch database's name. */
  public static final String DATABASE_SUFFIX = "release";

  private final Project project;
  private final Version version;
  private final List<PatchId> patches;
  private Path pgDump;
  private ProductionState production;

  public ProdPromotion(Project project, Releases releases, Version version) throws HopException {
    this.project = project;
    this.version = version;
    this.patches = releases.productionPatches(version);
  }

  /**
   * Checks, changing nothing: the production state of {@code model/}, the server, a pg_dump for it, and that the
   * scratch database is free for hop to use.
   */
  public void check() throws HopException {
    production = ProductionState.read(project.modelDir());
    CommandHints hints = project.settings().hints();
    DatabaseServer server = new DatabaseServer(project.development(), hints);
    try (Connection c = server.connect()) {
      ServerVersion v = ServerVersion.of(c);
      pgDump = PgTools.of(project.settings().pgBin()).locate("pg_dump", v.major(), v.text());
    } catch (SQLException e) {
      throw DatabaseException.of("read the server version", project.development().database(), server.describe(), e);
    }
    ScratchDatabase.checkUsable(scratch(), hints, "build release " + version + " in");
  }

  /** Runs the promotion (the caller holds the team lock and ran {@link #check()}). */
  public Promotion run() throws HopException {
    ReleaseName release = ReleaseName.production(version);
    Path model = project.modelDir();
    String schema = "schema-" + version + ".sql";
    String metadata = "metadata-" + version + ".sql";
    String releaseFile = Project.RELEASES + "/" + release.fileName();
    String stageFile = Project.RELEASES + "/" + ReleaseName.stage(version).fileName();
    HoProdCommit commit = HoProdCommit.on(project, "Release " + version, List.of(releaseFile, stageFile,
        "model/schema.sql", "model/" + schema, "model/" + metadata));
    GitId before = new Branches(project.git()).tip(Project.HO_PROD);
    ScratchDatabase[] db = new ScratchDatabase[1];
    List<Step> plan = new ArrayList<>();
    plan.add(Step.of("Build release " + version + " on database " + scratch().database(),
        () -> db[0] = build(before), () -> db[0].close()));
    plan.add(Step.of("Write model/" + schema + " and model/" + metadata, () -> {
      SchemaSnapshot snapshot = new SchemaSnapshot(pgDump);
      AtomicFiles.write(model.resolve(schema), snapshot.schema(db[0].target()));
      AtomicFiles.write(model.resolve(metadata), snapshot.metadata(db[0].target()));
    }, commit.undo()));
    plan.add(commit.step("Write " + releaseFile + ", point model/schema.sql at " + schema + ", remove " + stageFile
        + " and commit", () -> {
          AtomicFiles.write(project.dir().resolve(releaseFile), new ReleaseFile(patches).text());
          AtomicFiles.link(model.resolve("schema.sql"), Path.of(schema));
          AtomicFiles.delete(project.dir().resolve(stageFile));
        }));
    Publication publication = new Publication(project, "v" + version, version.toString());
    plan.addAll(publication.steps());
    try {
      new PlanRunner(project.events(), project.clock()).run(plan);
    } finally {
      if (db[0] != null) {
        db[0].close();
      }
    }
    return new Promotion(release, patches, "v" + version, publication.notified());
  }

  private ScratchDatabase build(GitId commit) throws HopException {
    CommandHints hints = project.settings().hints();
    String next = hints.command("promote", "to", "prod");
    ScratchDatabase db = ScratchDatabase.create(scratch(), project.development(), production, hints,
        project.events(), next);
    try {
      TreeReader tree = new TreeReader(project.git());
      new PatchApplier(db.target(), project.events(), next).apply(patches,
          id -> new PatchApplier.Files(tree.files(commit.name(), Project.patchFolder(id)), Optional.empty()),
          id -> version.toString());
      try (Connection c = db.target().connect()) {
        new MetadataSchema().recordRelease(c, DatabaseRelease.production(version),
            "Patches: " + patches.stream().map(PatchId::value).collect(Collectors.joining(", ")), commit.name());
      } catch (SQLException e) {
        throw DatabaseException.of("record release " + version, db.target().database(), db.target().server(), e);
      }
      return db;
    } catch (HopException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private DatabaseTarget scratch() throws HopException {
    return ScratchDatabase.targetFor(project.development(), DATABASE_SUFFIX);
  }
}
