package dev.hop.bench.history;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.Secret;
import dev.hop.core.codegen.CodeGenerator;
import dev.hop.core.codegen.SchemaReader;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.ProductionStateLoader;
import dev.hop.core.db.SchemaSnapshot;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestPostgres;
import dev.hop.core.workflow.PatchApplier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scratch database on which a history's production states are built the way {@code hop:promote -Dto=prod} builds
 * them: created at 0.0.0 from the archetype's model, then each release's patches applied (one transaction each,
 * recorded in {@code hop_applied_patch}), the release recorded in {@code hop_release}, and the schema and metadata
 * dumped with hop's own pg_dump options. After the last release it is the production database of that history.
 */
public final class ModelDatabase implements AutoCloseable {

  private static final String NEXT = "bench set-up";

  private final TestPostgres server;
  private final DatabaseTarget target;
  private final Path pgDump;
  private boolean kept;

  /** The snapshots of one production state, as {@code model/schema-X.Y.Z.sql} and {@code metadata-X.Y.Z.sql}. */
  public record Snapshot(byte[] schema, byte[] metadata) {
  }

  private ModelDatabase(TestPostgres server, DatabaseTarget target, Path pgDump) {
    this.server = server;
    this.target = target;
    this.pgDump = pgDump;
  }

  /** Drops {@code name} if it exists and creates it at the production state 0.0.0 of {@code zero}. */
  public static ModelDatabase create(TestPostgres server, String name, ArchetypeModel zero)
      throws HopException, SQLException {
    drop(server, name);
    DatabaseTarget target = target(server, name);
    new ProductionStateLoader(new DatabaseServer(target, CommandHints.NEUTRAL), NEXT)
        .create(target, new Version(0, 0, 0), zero.schema(), zero.metadata());
    Path pgDump;
    try (Connection c = server.maintenance()) {
      ServerVersion v = ServerVersion.of(c);
      pgDump = PgTools.of(Optional.empty()).locate("pg_dump", v.major(), v.text());
    }
    return new ModelDatabase(server, target, pgDump);
  }

  /** A hop target for {@code name} on the bench server. */
  public static DatabaseTarget target(TestPostgres server, String name) {
    return new DatabaseTarget(server.jdbcUrl(name), Optional.of(server.user()), Secret.of(server.password()));
  }

  /** Drops {@code name} on the server if it exists. */
  public static void drop(TestPostgres server, String name) throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
  }

  public String name() {
    return target.database();
  }

  /** Applies {@code patches} in order, each in its own transaction, recorded for {@code release}. */
  public void apply(String release, List<Patch> patches) throws HopException {
    Map<String, Patch> byId = patches.stream().collect(Collectors.toMap(Patch::id, Function.identity()));
    List<PatchId> ids = new ArrayList<>();
    for (Patch p : patches) {
      ids.add(PatchId.of(p.id()));
    }
    new PatchApplier(target, HopEvents.NONE, NEXT).apply(ids,
        id -> new PatchApplier.Files(files(byId.get(id.value())), Optional.empty()), id -> release);
  }

  /** Records production release {@code version} with its patches, made at {@code commit}, as promote does. */
  public void recordRelease(String version, List<Patch> patches, String commit) throws HopException, SQLException {
    try (Connection c = target.connect()) {
      new MetadataSchema().recordRelease(c, DatabaseRelease.production(Version.parse(version)),
          "Patches: " + patches.stream().map(Patch::id).collect(Collectors.joining(", ")), commit);
    }
  }

  /** The schema of {@code database} on {@code server}, dumped as hop dumps a production state. */
  public static byte[] schemaOf(TestPostgres server, String database) throws HopException, SQLException {
    try (Connection c = server.maintenance()) {
      ServerVersion v = ServerVersion.of(c);
      return new SchemaSnapshot(PgTools.of(Optional.empty()).locate("pg_dump", v.major(), v.text()))
          .schema(target(server, database));
    }
  }

  /** Dumps the schema and the metadata rows with hop's pg_dump options. */
  public Snapshot snapshot() throws HopException {
    SchemaSnapshot snapshot = new SchemaSnapshot(pgDump);
    return new Snapshot(snapshot.schema(target), snapshot.metadata(target));
  }

  /** Generates hop's relation classes (and their tests) for the current schema into {@code projectDir}. */
  public void generateCode(Path projectDir, String basePackage) throws HopException, SQLException {
    try (Connection c = target.connect()) {
      new CodeGenerator(projectDir, basePackage, HopEvents.NONE).generate(new SchemaReader().read(c));
    }
  }

  /** Leaves the database on the server when closed (it is the history's production database). */
  public ModelDatabase keep() {
    kept = true;
    return this;
  }

  /** Drops the database unless {@link #keep()} was called. */
  @Override
  public void close() throws SQLException {
    if (!kept) {
      drop(server, name());
    }
  }

  /** A patch's files (name → bytes), as hop reads them from Git (README.md included: hop skips it). */
  static SortedMap<String, byte[]> files(Patch patch) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("README.md", patch.readme().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    patch.files().forEach(f -> files.put(f.name(), f.bytes()));
    return files;
  }
}
