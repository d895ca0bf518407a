package dev.hop.bench;

import dev.hop.core.CommandHints;
import dev.hop.core.HopEvents;
import dev.hop.core.Secret;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.DatabaseServer;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.ProductionStateLoader;
import dev.hop.core.db.RestoreResult;
import dev.hop.core.db.SchemaSnapshot;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.db.TemplateRestorer;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4's measure: restoring a 300-table production state through hop's template (already built: the steady state
 * of {@code patch-apply}) against loading the same {@code model/} dump into a new database with {@code psql}, as a
 * user without hop would; hop's own loader ({@link ProductionStateLoader}, the one that builds the template) is timed
 * beside them. In-process (no Maven): every side is a few database calls or one psql.
 */
final class RestoreMeasure implements Measure {

  static final int TABLES = 300;
  static final int VIEWS = 5;
  static final double TARGET = 0.2;
  /** Rounds per {@code --rounds}: each round is short, and the dump load is noisy. */
  static final int ROUND_FACTOR = 3;
  private static final Version VERSION = new Version(1, 0, 0);
  private static final String NEXT = "bench/run restore";

  @Override
  public String id() {
    return "restore";
  }

  @Override
  public List<Comparison> run(BenchContext context) throws Exception {
    TestPostgres server = context.server();
    Path model = context.work().resolve("restore/model");
    Files.createDirectories(model);
    Path schemaFile = model.resolve("schema-" + VERSION + ".sql");
    Path metadataFile = model.resolve("metadata-" + VERSION + ".sql");
    ServerVersion version = production(server, MixedSchema.generate("shop", TABLES, VIEWS, context.seed()),
        schemaFile, metadataFile);
    byte[] schema = Files.readAllBytes(schemaFile);
    byte[] metadata = Files.readAllBytes(metadataFile);
    Path psql = PgTools.of(Optional.empty()).locate("psql", version.major(), version.text());

    DatabaseTarget development = target(server, freeName(server, "bench_restore_dev"));
    DatabaseTarget psqlLoaded = target(server, freeName(server, "bench_restore_psql"));
    DatabaseTarget jdbcLoaded = target(server, freeName(server, "bench_restore_jdbc"));
    TemplateRestorer restorer = TemplateRestorer.on(development, CommandHints.NEUTRAL, HopEvents.NONE, NEXT);
    RestoreResult built = restorer.restore(development, VERSION, schema, metadata);
    try {
      Contender hop = Contender.of("hop", () -> { }, () -> {
        long start = System.nanoTime();
        RestoreResult restored = restorer.restore(development, VERSION, schema, metadata);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!restored.templateReused()) {
          throw new IllegalStateException("hop rebuilt its template " + restored.template() + " instead of reusing it");
        }
        return checked(server, development, took);
      });
      Contender psqlLoad = Contender.of("psql", () -> drop(server, psqlLoaded), () -> {
        long start = System.nanoTime();
        create(server, psqlLoaded);
        runPsql(psql, server, psqlLoaded, schemaFile, metadataFile);
        return checked(server, psqlLoaded, Duration.ofNanos(System.nanoTime() - start));
      });
      ProductionStateLoader loader = new ProductionStateLoader(new DatabaseServer(jdbcLoaded, CommandHints.NEUTRAL),
          NEXT);
      Contender jdbcLoad = Contender.of("hop-loader", () -> drop(server, jdbcLoaded), () -> {
        long start = System.nanoTime();
        loader.create(jdbcLoaded, VERSION, schema, metadata);
        return checked(server, jdbcLoaded, Duration.ofNanos(System.nanoTime() - start));
      });
      int rounds = context.rounds() * ROUND_FACTOR;
      Map<String, Samples> samples = new Interleaved(rounds, context.log())
          .run("restore", List.of(hop, psqlLoad, jdbcLoad));
      Samples hopSamples = samples.get("hop");
      Samples loaderSamples = samples.get("hop-loader");
      String note = String.format(Locale.ROOT, "%d tables + %d views + 3 enum types (MixedSchema, seed %d, with"
          + " identity keys, foreign keys, indexes and comments) and hop's metadata at %s, dumped by pg_dump as hop"
          + " stores it in model/ (schema %d KiB, metadata rows %d KiB). hop: TemplateRestorer.restore, the template"
          + " already built (building it took %s s, once per production version): drop the development database,"
          + " CREATE DATABASE … TEMPLATE; the drop is timed, the peers' drops are not. psql (the baseline: what a"
          + " user without hop runs on a plain pg_dump file): CREATE DATABASE, then `psql -X -q -v ON_ERROR_STOP=1"
          + " --single-transaction -f schema -f metadata`. hop's own JDBC loader (ProductionStateLoader.create, the"
          + " template's build) loading the same files into a new database: %s, ratio %.2f. %d rounds (--rounds ×"
          + " %d), in-process, interleaved; every loaded or restored database checked to hold %d tables.",
          TABLES, VIEWS, context.seed(), VERSION, schema.length / 1024, metadata.length / 1024,
          Samples.seconds(built.took()), loaderSamples.describe(),
          hopSamples.median().toNanos() / (double) loaderSamples.median().toNanos(), rounds, ROUND_FACTOR, TABLES);
      return List.of(new Comparison("restore", "template restore of a " + TABLES + "-table production state vs"
          + " loading its dump with psql into a new database", hopSamples, samples.get("psql"), TARGET, note));
    } finally {
      drop(server, development);
      drop(server, development.withDatabase(built.template()));
      drop(server, psqlLoaded);
      drop(server, jdbcLoaded);
    }
  }

  /**
   * Builds the production database (the schema, hop's metadata at {@link #VERSION}), writes its snapshots as hop
   * stores them in {@code model/}, and drops it.
   */
  private static ServerVersion production(TestPostgres server, MixedSchema schema, Path schemaFile,
      Path metadataFile) throws Exception {
    try (TestDatabase production = server.createDatabase("bench_restore_prod")) {
      ServerVersion version;
      try (Connection c = production.connect()) {
        schema.create(c);
        MetadataSchema metadata = new MetadataSchema();
        metadata.install(c);
        metadata.recordRelease(c, DatabaseRelease.production(VERSION), "bench", null);
        version = ServerVersion.of(c);
      }
      DatabaseTarget target = target(server, production.name());
      SchemaSnapshot snapshot = new SchemaSnapshot(PgTools.of(Optional.empty())
          .locate("pg_dump", version.major(), version.text()));
      Files.write(schemaFile, snapshot.schema(target));
      Files.write(metadataFile, snapshot.metadata(target));
      return version;
    }
  }

  private static void runPsql(Path psql, TestPostgres server, DatabaseTarget database, Path schema, Path metadata)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "--single-transaction", "-f", schema.toString(), "-f", metadata.toString())
        .redirectErrorStream(true);
    builder.environment().putAll(server.libpqEnvironment(database.database()));
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("psql failed to load " + schema + " into " + database.database() + ":\n"
          + MavenRunner.tail(output, 20));
    }
  }

  /** Returns {@code took} after checking (untimed) that {@code database} holds the production tables. */
  private static Duration checked(TestPostgres server, DatabaseTarget database, Duration took) throws SQLException {
    try (Connection c = server.connect(database.database()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'shop'")) {
      rs.next();
      if (rs.getInt(1) != TABLES) {
        throw new IllegalStateException(database.database() + " holds " + rs.getInt(1) + " tables, not " + TABLES);
      }
    }
    return took;
  }

  /** A name no database has: a test database's, dropped at once. */
  private static String freeName(TestPostgres server, String prefix) {
    try (TestDatabase database = server.createDatabase(prefix)) {
      return database.name();
    }
  }

  private static DatabaseTarget target(TestPostgres server, String database) {
    return new DatabaseTarget(server.jdbcUrl(database), Optional.of(server.user()), Secret.of(server.password()));
  }

  private static void create(TestPostgres server, DatabaseTarget database) throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database.database() + " TEMPLATE template0");
    }
  }

  private static void drop(TestPostgres server, DatabaseTarget database) {
    new TestDatabase(server, database.database()).close();
  }
}
