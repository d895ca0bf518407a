package dev.hop.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.Hop;
import dev.hop.core.PatchApplyResult;
import dev.hop.core.StatusResult;
import dev.hop.core.UpgradeResult;
import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small generated history written as a hop project and as a Flyway project: hop's own commands (in process)
 * accept the project and apply, from Git and the working tree, the same SQL in the same order as the Flyway
 * migrations, and the databases built both ways end with the same catalog and data.
 */
class HopProjectWriterTest {

  private static final History HISTORY = new HistoryGenerator(11).generate(new HistoryShape(2, 4, 2, true));
  private static final TestPostgres SERVER = TestPostgres.get();

  @TempDir
  static Path root;

  private static GitRunner git;
  private static HopProjectWriter.Written written;
  private static List<FlywayProject.Migration> migrations;
  private static final List<String> DATABASES = new ArrayList<>();

  @BeforeAll
  static void write() throws Exception {
    git = new GitRunner(root.resolve("home"));
    ArchetypeModel zero = ArchetypeModel.read(ArchetypeModel.repository());
    try (ModelDatabase model = ModelDatabase.create(SERVER, database("model"), zero).keep()) {
      written = new HopProjectWriter(git, "0.1.0-SNAPSHOT").write(root, "shop", HISTORY, model, zero, true);
    }
    FlywayProject.write(root.resolve("flyway"), "shop-flyway", HISTORY.patches(), FlywayProject.Layout.PER_FILE,
        "13.12.0", "42.7.14");
    migrations = FlywayProject.migrations(HISTORY.patches(), FlywayProject.Layout.PER_FILE);
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    for (String name : DATABASES) {
      ModelDatabase.drop(SERVER, name);
    }
  }

  @Test
  void laysOutBranchesTagsReleaseFilesAndModelAsHopLeavesThem() throws Exception {
    Path dir = written.dir();
    Patch current = HISTORY.current().orElseThrow();
    assertThat(written.branch()).isEqualTo("ho-patch/" + current.id());
    assertThat(git.run(dir, "branch", "--show-current")).isEqualTo("ho-patch/" + current.id());
    assertThat(git.run(dir, "status", "--porcelain")).isEmpty();
    List<String> branches = git.run(written.origin(), "for-each-ref", "--format=%(refname:short)", "refs/heads")
        .lines().toList();
    assertThat(branches).contains("ho-prod", "ho-patch/" + current.id(),
        "ho-release/0.1.0/" + HISTORY.releases().get(0).patches().get(0).id(),
        "ho-release/0.3.0/" + HISTORY.stage().get(1).id());
    assertThat(branches.stream().filter(b -> b.startsWith("ho-release/"))).hasSize(10);
    List<String> tags = git.run(written.origin(), "tag", "--list").lines().toList();
    assertThat(tags).contains("v0.1.0-rc1", "v0.1.0", "v0.2.0-rc1", "v0.2.0", "ho-patch/1", "ho-patch/11");
    assertThat(git.run(written.origin(), "cat-file", "-t", "v0.2.0")).isEqualTo("tag");
    assertThat(written.origin().resolve("refs/tags/v0.2.0")).doesNotExist();
    assertThat(git.run(written.origin(), "count-objects", "-v")).contains("packs: 1");
    assertThat(Files.readSymbolicLink(dir.resolve("model/schema.sql"))).isEqualTo(Path.of("schema-0.2.0.sql"));
    assertThat(Files.readString(dir.resolve("model/schema-0.2.0.sql"))).contains("CREATE TABLE public.")
        .doesNotContain("Dumped from database version");
    assertThat(Files.readString(dir.resolve("model/metadata-0.2.0.sql")))
        .contains("INSERT INTO half_orm_meta.hop_release",
            "Patches: " + HISTORY.releases().get(1).patches().get(0).id());
    assertThat(Files.readString(dir.resolve("releases/0.3.0-stage.txt")))
        .isEqualTo(HISTORY.stage().get(0).id() + "\n" + HISTORY.stage().get(1).id() + "\n");
    assertThat(dir.resolve("src/main/java/bench/db/public_")).isDirectory();
    // only the code: what hop keeps in .hop/local (its codegen cache) is git-ignored in a real project
    assertThat(git.run(dir, "ls-files", "--", ".hop")).isEmpty();
    assertThat(git.run(dir, "log", "-1", "--format=%s", "v0.2.0")).isEqualTo("[ho] Release 0.2.0");
    assertThat(git.run(dir, "rev-list", "--parents", "-n", "1", "v0.1.0-rc1").split(" ")).hasSize(1 + 1 + 4);
  }

  @Test
  void statusReadsTheHistory() throws Exception {
    StatusResult status;
    try (Hop hop = hop(written.dir(), database("status"))) {
      status = hop.status().call();
    }

    assertThat(status.branch()).isEqualTo(written.branch());
    assertThat(status.productionVersion()).hasToString("0.2.0");
    assertThat(status.stages()).singleElement().satisfies(s -> assertThat(s.patches()).hasSize(2));
    assertThat(status.originReached()).isTrue();
  }

  @Test
  void upgradeFromZeroAppliesFromTheTagsTheReleasedSqlOfTheFlywayMigrationsInTheirOrder() throws Exception {
    Path prod = root.resolve("prod");
    git.run(root, "clone", "-q", "-b", "ho-prod", written.origin().toString(), prod.toString());
    String database = database("upgrade");
    ModelDatabase.create(SERVER, database, ArchetypeModel.read(ArchetypeModel.repository())).keep().close();
    UpgradeResult result;
    try (Hop hop = hop(prod, database)) {
      result = hop.upgrade().call();
    }

    assertThat(result.status()).isEqualTo(UpgradeResult.Status.UPGRADED);
    assertThat(result.to()).hasToString("0.2.0");
    int released = History.files(HISTORY.released());
    assertThat(appliedDigests(database)).containsExactlyElementsOf(digests(migrations.subList(0, released)));

    String flyway = database("flyway_released");
    migrateLikeFlyway(flyway, migrations.subList(0, released));
    assertThat(catalog(database)).isEqualTo(catalog(flyway)).isEqualTo(catalog(DATABASES.get(0)));
    assertThat(data(database)).isEqualTo(data(flyway)).isEqualTo(data(DATABASES.get(0)));
  }

  @Test
  void patchApplyRestoresTheSnapshotThenAppliesStageAndCurrentPatchesAsFlywayDoes() throws Exception {
    String database = database("dev");
    Path dev = root.resolve("dev");
    git.run(root, "clone", "-q", "-b", written.branch(), written.origin().toString(), dev.toString());
    PatchApplyResult result;
    try (Hop hop = hop(dev, database)) {
      result = hop.patchApply().call();
    }

    assertThat(result.production()).hasToString("0.2.0");
    assertThat(result.applied()).extracting(a -> a.patch().value()).containsExactly(HISTORY.stage().get(0).id(),
        HISTORY.stage().get(1).id(), HISTORY.current().orElseThrow().id());
    assertThat(appliedDigests(database)).containsExactlyElementsOf(digests(migrations));

    String flyway = database("flyway_all");
    migrateLikeFlyway(flyway, migrations);
    // the same schema as pg_dump sees it (an index restored from a dump names its column by the column's current
    // name, one built before a rename keeps the old one, so the catalogs themselves may differ there); not the same
    // rows: production data is not in the schema-only snapshot hop restores
    assertThat(new String(ModelDatabase.schemaOf(SERVER, database), StandardCharsets.UTF_8))
        .isEqualTo(new String(ModelDatabase.schemaOf(SERVER, flyway), StandardCharsets.UTF_8));
  }

  private static Hop hop(Path dir, String database) {
    HopSettings settings = new HopSettings(dir, Optional.of(SERVER.jdbcUrl(database)), database,
        Optional.of(SERVER.user()), Secret.of(SERVER.password()), HopProjectWriter.BASE_PACKAGE, Optional.empty(),
        HopSettings.GitCredentials.NONE, Optional.empty(), Duration.ofMinutes(1), Duration.ofMinutes(30),
        CommandHints.NEUTRAL, Optional.empty());
    return Hop.open(settings, HopEvents.NONE, Clock.systemUTC(), new GitEnvironment(root.resolve("home"), Map.of()));
  }

  /** A database at production 0.0.0 (hop's metadata, as Flyway's side has none it would not matter) + migrations. */
  private static void migrateLikeFlyway(String database, List<FlywayProject.Migration> list) throws Exception {
    ModelDatabase.create(SERVER, database, ArchetypeModel.read(ArchetypeModel.repository())).keep().close();
    try (Connection c = SERVER.connect(database); Statement s = c.createStatement()) {
      for (FlywayProject.Migration m : list) {
        s.execute(m.sql());
      }
    }
  }

  private static List<String> appliedDigests(String database) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = SERVER.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sha256 FROM half_orm_meta.hop_applied_patch ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static List<String> digests(List<FlywayProject.Migration> list) throws Exception {
    List<String> digests = new ArrayList<>();
    for (FlywayProject.Migration m : list) {
      digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(m.sql().getBytes(StandardCharsets.UTF_8))));
    }
    return digests;
  }

  private static String catalog(String database) throws SQLException {
    try (Connection c = SERVER.connect(database)) {
      return CatalogFingerprint.of(c);
    }
  }

  /** Every row of every table of {@code public}, as text, table by table. */
  private static String data(String database) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection c = SERVER.connect(database); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || md5(string_agg(t::text, E'\\n' ORDER BY t.id))"
            + " FROM public." + table + " t")) {
          rs.next();
          all.append(table).append(' ').append(rs.getString(1)).append('\n');
        }
      }
    }
    assertThat(all).isNotEmpty();
    return all.toString();
  }

  private static String database(String purpose) {
    String name = "bench_writer_" + purpose + "_" + ProcessHandle.current().pid();
    DATABASES.add(name);
    return name;
  }
}
