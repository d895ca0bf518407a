package dev.hop.bench;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvents;
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
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The restore measure: restoring a 300-table production state into a new database through hop's template (already
 * built: the steady state of {@code patch-apply}) against loading the same {@code model/} dump into a new database
 * with {@code psql}, as a user without hop would. Timed beside them: hop's own loader ({@link ProductionStateLoader},
 * the one that builds the template) and PostgreSQL alone doing hop's copy, to show where the time goes.
 *
 * <p>In-process (no Maven): every side is a few database calls or one psql. Every run makes a new database and none
 * is dropped before the last round: dropping a database of some 2,000 files just before creating as many is what the
 * measure must not time by accident (on ext4 without a journal, as on the machine this was written on, the kernel then
 * skips the freshly freed inodes one by one, and a copy took 1–2 s instead of 0.1 s). The drop that a restore over an
 * existing development database adds is timed at the end and reported apart.
 */
final class RestoreMeasure implements Measure {

  static final int TABLES = 300;
  static final int VIEWS = 5;
  static final double TARGET = 0.2;
  /** Rounds per {@code --rounds}: each round is short, and the dump load is noisy. */
  static final int ROUND_FACTOR = 3;
  private static final Version VERSION = new Version(1, 0, 0);
  private static final String NEXT = "bench/run restore";
  /** How many restored copies are dropped one by one, timed, at the end of the rounds; the rest wait for cleanUp. */
  static final int TIMED_DROPS = 5;

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** The databases {@link #run} created, kept until {@link #cleanUp}. */
  private RestoreDatabases left;
  /** Why the server refused the bench's CHECKPOINT, when it did. */
  private String checkpointRefused;

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
    RestoreDatabases databases = new RestoreDatabases(server);
    try {
      ServerVersion version = production(databases.next("prod"), MixedSchema.generate("shop", TABLES, VIEWS,
          context.seed()), schemaFile, metadataFile);
      byte[] schema = Files.readAllBytes(schemaFile);
      byte[] metadata = Files.readAllBytes(metadataFile);
      Path psql = PgTools.of(Optional.empty()).locate("psql", version.major(), version.text());

      DatabaseTarget owner = databases.next("dev");
      TemplateRestorer restorer = TemplateRestorer.on(owner, CommandHints.NEUTRAL, HopEvents.NONE, NEXT);
      RestoreResult built = restorer.restore(owner, VERSION, schema, metadata);
      databases.add(built.template());
      List<String> restored = new ArrayList<>();
      // each run starts with no page left dirty by the run before (written out, still cached): a copy with
      // STRATEGY FILE_COPY begins with a checkpoint, which would otherwise write out the other sides' pages
      Contender.Step settle = () -> checkpoint(server);
      Contender hop = Contender.of("hop", settle, () -> {
        DatabaseTarget development = databases.next("hop");
        long start = System.nanoTime();
        RestoreResult result = restorer.restore(development, owner.database(), VERSION, schema, metadata);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!result.templateReused()) {
          throw new IllegalStateException("hop rebuilt its template " + result.template() + " instead of reusing it");
        }
        restored.add(development.database());
        return checked(server, development, took);
      });
      Contender psqlLoad = Contender.of("psql", settle, () -> {
        DatabaseTarget loaded = databases.next("psql");
        long start = System.nanoTime();
        create(server, loaded, "template0");
        runPsql(psql, server, loaded, schemaFile, metadataFile);
        return checked(server, loaded, Duration.ofNanos(System.nanoTime() - start));
      });
      DatabaseServer databaseServer = new DatabaseServer(owner, CommandHints.NEUTRAL);
      ProductionStateLoader loader = new ProductionStateLoader(databaseServer, NEXT);
      Contender jdbcLoad = Contender.of("hop-loader", settle, () -> {
        DatabaseTarget loaded = databases.next("jdbc");
        long start = System.nanoTime();
        loader.create(loaded, VERSION, schema, metadata);
        return checked(server, loaded, Duration.ofNanos(System.nanoTime() - start));
      });
      Contender copy = Contender.of("postgres", settle, () -> {
        DatabaseTarget copied = databases.next("copy");
        long start = System.nanoTime();
        try (Connection c = server.maintenance()) {
          databaseServer.create(c, copied.database(), Optional.of(built.template()));
        }
        return checked(server, copied, Duration.ofNanos(System.nanoTime() - start));
      });
      Contender defaultCopy = Contender.of("postgres-default", settle, () -> {
        DatabaseTarget copied = databases.next("default");
        long start = System.nanoTime();
        create(server, copied, built.template());
        return checked(server, copied, Duration.ofNanos(System.nanoTime() - start));
      });

      int rounds = context.rounds() * ROUND_FACTOR;
      Map<String, Samples> samples = new Interleaved(rounds, context.log())
          .run("restore", List.of(hop, psqlLoad, jdbcLoad, copy, defaultCopy));
      List<Duration> drops = new ArrayList<>();
      for (String database : restored.subList(Math.max(0, restored.size() - TIMED_DROPS), restored.size())) {
        drops.add(databases.drop(database));
      }
      Samples drop = new Samples("drop", drops);
      context.log().printf("  restore drop of a restored copy %s%n", drop.describe());
      String strategy;
      try (Connection c = server.maintenance()) {
        strategy = databaseServer.copyStrategy(c);
      }
      String note = note(context.seed(), schema, metadata, built, samples, drop, rounds, strategy)
          + (checkpointRefused == null ? "" : " The runs were not settled: the server refused CHECKPOINT ("
              + checkpointRefused + ").");
      left = databases;
      return List.of(new Comparison("restore", "template restore of a " + TABLES + "-table production state vs"
          + " psql loading its dump, each into a new database", samples.get("hop"), samples.get("psql"), TARGET,
          note));
    } finally {
      if (left == null) {
        databases.dropAll();
      }
    }
  }

  /** Drops the run's databases (some 80 of 2,000 files each), which {@link #run} left for after the other measures. */
  @Override
  public void cleanUp(BenchContext context) {
    if (left != null) {
      context.log().printf("== restore clean-up: dropped what was left of its %d databases%n", left.dropAll());
      left = null;
    }
  }

  private static String note(long seed, byte[] schema, byte[] metadata, RestoreResult built,
      Map<String, Samples> samples, Samples drop, int rounds, String strategy) {
    Samples hop = samples.get("hop");
    Samples psql = samples.get("psql");
    Samples loader = samples.get("hop-loader");
    Samples postgres = samples.get("postgres");
    Samples postgresDefault = samples.get("postgres-default");
    return String.format(Locale.ROOT, "%d tables + %d views + 3 enum types (MixedSchema, seed %d: identity keys,"
        + " foreign keys, indexes, comments) and hop's metadata at %s, dumped by pg_dump as hop stores it in model/"
        + " (schema %d KiB, metadata rows %d KiB). hop: TemplateRestorer.restore into a new development database"
        + " (CREATE DATABASE … TEMPLATE, then hop's mark), the template built before the rounds as in patch-apply's"
        + " steady state (building it took %s s). psql, the baseline (what a user without hop runs on a plain"
        + " pg_dump file): CREATE DATABASE, then `psql -X -q -v ON_ERROR_STOP=1 --single-transaction -f schema -f"
        + " metadata`. Beside them: hop's own JDBC loader (ProductionStateLoader.create, how the template is built)"
        + " %s, ratio %.2f; PostgreSQL alone doing hop's copy (CREATE DATABASE … TEMPLATE …%s, over one"
        + " connection) %s, so hop adds %.0f ms; the same copy with PostgreSQL's default strategy %s (%s)."
        + " Restoring over an existing development database (patch-apply) also drops it:"
        + " DROP DATABASE … WITH (FORCE) of a restored copy took %s, which would make the ratio %.2f. %d rounds"
        + " (3 per --rounds), in-process, interleaved, each run after an untimed CHECKPOINT (so that no side writes"
        + " out the pages the one before dirtied), no database dropped before the last round (see"
        + " bench/README.md); every database checked to hold the %d tables.",
        TABLES, VIEWS, seed, VERSION, schema.length / 1024, metadata.length / 1024, Samples.seconds(built.took()),
        loader.describe(), ratio(hop.median(), loader.median()), strategy, postgres.describe(),
        hop.median().minus(postgres.median()).toNanos() / 1e6, postgresDefault.describe(), strategy.isEmpty()
            ? "hop leaves PostgreSQL its default on this server"
            : "hop asks for FILE_COPY on PostgreSQL 15 and later when the server runs with fsync off, as this one"
                + " does: see DatabaseServer.copyStrategy", drop.describe(),
        ratio(hop.median().plus(drop.median()), psql.median()), rounds, TABLES);
  }

  private static double ratio(Duration a, Duration b) {
    return a.toNanos() / (double) b.toNanos();
  }

  /**
   * Builds the production database (the schema, hop's metadata at {@link #VERSION}) and writes its snapshots as hop
   * stores them in {@code model/}.
   */
  private static ServerVersion production(DatabaseTarget production, MixedSchema schema, Path schemaFile,
      Path metadataFile) throws Exception {
    try (Connection c = production.maintenance().connect(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + production.database());
    }
    ServerVersion version;
    try (Connection c = production.connect()) {
      schema.create(c);
      MetadataSchema metadata = new MetadataSchema();
      metadata.install(c);
      metadata.recordRelease(c, DatabaseRelease.production(VERSION), "bench", null);
      version = ServerVersion.of(c);
    }
    SchemaSnapshot snapshot = new SchemaSnapshot(PgTools.of(Optional.empty())
        .locate("pg_dump", version.major(), version.text()));
    Files.write(schemaFile, snapshot.schema(production));
    Files.write(metadataFile, snapshot.metadata(production));
    return version;
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

  /**
   * Writes out the dirty pages before a run; on a server where the bench's user may not (neither superuser nor
   * pg_checkpoint), runs go unsettled and the note says so.
   */
  private void checkpoint(TestPostgres server) throws SQLException {
    if (checkpointRefused != null) {
      return;
    }
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw e;
      }
      checkpointRefused = e.getMessage();
    }
  }

  private static void create(TestPostgres server, DatabaseTarget database, String template) throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database.database() + " TEMPLATE " + template);
    }
  }
}
