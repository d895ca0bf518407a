package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.AdoptionRefusedException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * hop:adopt on the public Pagila sample database, schema and data loaded by psql as a legacy production database that
 * hop never saw: the dry run, the adoption, a release made with hop and the upgrade of the legacy database keeping
 * every row; a second copy of the legacy database recorded as adopted then upgraded; a copy changed by hand refused.
 */
class AdoptIT {
  private static final TestPostgres PG = TestPostgres.get();
  private static final String EMAILS = "ALTER TABLE public.customer ADD COLUMN email_verified boolean NOT NULL"
      + " DEFAULT false;\nCREATE INDEX customer_email_verified ON public.customer (email_verified);\n";

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void pagilaIsAdoptedReleasedAndUpgradedKeepingEveryRow() throws Exception {
    String legacy = project.database("legacy");
    String copy = project.database("copy");
    String drifted = project.database("drift");
    createLegacy(legacy);
    try (Connection c = PG.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + copy + " TEMPLATE " + legacy);
      s.execute("CREATE DATABASE " + drifted + " TEMPLATE " + legacy);
    }
    try (Connection c = PG.connect(drifted); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE public.film ADD COLUMN subtitles text");
      s.execute("DROP INDEX public.idx_title");
    }
    Map<String, Long> rows = rows(legacy);
    String originBefore = project.originGit("for-each-ref");
    List<String> databasesBefore = project.databases();

    AdoptResult dry = project.call(legacy, hop -> hop.adopt().setVersion("1.0.0").setDryRun(true).call());

    assertThat(dry.files()).containsExactly("target/hop/adopt/schema-1.0.0.sql", "target/hop/adopt/metadata-1.0.0.sql",
        "target/hop/adopt/1.0.0.txt");
    assertThat(project.dir().resolve("target/hop/adopt/schema-1.0.0.sql")).content()
        .contains("CREATE TABLE public.film (").contains("CREATE MATERIALIZED VIEW public.rental_by_category")
        .contains("ATTACH PARTITION public.payment_p2022_01").contains("CREATE TYPE public.mpaa_rating AS ENUM")
        .doesNotContain("OWNER TO");
    assertThat(project.originGit("for-each-ref")).as("dry run: origin unchanged").isEqualTo(originBefore);
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(hasMetadata(legacy)).isFalse();
    assertThat(project.databases()).as("dry run: no database left").isEqualTo(databasesBefore);

    AdoptResult adopted = project.call(legacy, hop -> hop.adopt().setVersion("1.0.0").call());

    assertThat(adopted.kind()).isEqualTo(AdoptResult.Kind.FIRST);
    assertThat(adopted.tag()).contains("v1.0.0");
    assertThat(project.originGit("show", "ho-prod:releases/1.0.0.txt")).isEqualTo("# hop:adopt " + legacy);
    assertThat(project.originGit("log", "-1", "--format=%s", "ho-prod")).isEqualTo("[ho] Adopt " + legacy
        + " as 1.0.0");
    assertThat(project.originGit("show", "ho-prod:model/schema.sql")).isEqualTo("schema-1.0.0.sql");
    assertThat(project.originGit("cat-file", "-t", "v1.0.0")).isEqualTo("tag");
    assertThat(PG.hopVersion(legacy)).isEqualTo("1.0.0");
    assertThat(project.databases()).as("no scratch database left").isEqualTo(databasesBefore);
    assertThat(rows(legacy)).isEqualTo(rows);

    // a release made with hop: the development database builds from the snapshot, the code compiles
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch("1-email-verified", Map.of("01_email_verified.sql", EMAILS));
    project.call(hop -> hop.patchApply().call());
    assertThat(compile(project.dir().resolve("src/main/java"))).as("the generated classes compile").isEmpty();
    assertThat(project.dir().resolve("src/main/java/it/hop/db/public_/Film.java")).content()
        .contains("mpaa_rating");
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "Code of 1-email-verified");
    project.git("push", "-q", "origin", "ho-patch/1-email-verified");
    project.git("switch", "-q", "ho-prod");
    project.call(hop -> hop.patchAdd().setId("1-email-verified").call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());

    UpgradeResult upgraded = project.call(legacy, hop -> hop.upgrade().call());

    assertThat(upgraded.from()).isEqualTo(Version.parse("1.0.0"));
    assertThat(upgraded.to()).isEqualTo(Version.parse("1.1.0"));
    assertThat(rows(legacy)).as("every row kept").isEqualTo(rows);
    assertThat(PG.queryValue(legacy, "SELECT count(*) FROM public.customer WHERE NOT email_verified"))
        .isEqualTo(String.valueOf(rows.get("customer")));

    // a further copy of the legacy schema: recorded at 1.0.0, then upgraded as any hop database
    AdoptResult recorded = project.call(copy, hop -> hop.adopt().call());

    assertThat(recorded.kind()).isEqualTo(AdoptResult.Kind.FURTHER);
    assertThat(recorded.recorded()).isTrue();
    assertThat(PG.hopVersion(copy)).isEqualTo("1.0.0");
    assertThat(project.call(copy, hop -> hop.upgrade().call()).to()).isEqualTo(Version.parse("1.1.0"));
    assertThat(rows(copy)).isEqualTo(rows);

    // a copy changed by hand is refused, the differences named, nothing recorded
    assertThatThrownBy(() -> project.call(drifted, hop -> hop.adopt().call()))
        .isInstanceOfSatisfying(AdoptionRefusedException.class, e -> assertThat(e.differences()).containsExactly(
            "changed: TABLE public.film (+ subtitles text)",
            "removed: INDEX public.idx_title"))
        .hasMessageStartingWith("Database " + drifted + " is not at the adopted 1.0.0: its schema differs from"
            + " model/schema-1.0.0.sql in 2 object(s)");
    assertThat(hasMetadata(drifted)).isFalse();
    assertThat(project.databases()).as("no scratch database left").doesNotContain(legacy + "_adopt");
  }

  @Test
  void aProjectWithReleasesOfItsOwnAndARecordedDatabaseAreRefused() throws Exception {
    String legacy = project.database("legacy");
    try (Connection c = PG.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + legacy);
    }
    assertThatThrownBy(() -> project.call(legacy, hop -> hop.adopt().call()))
        .isInstanceOf(AdoptionRefusedException.class)
        .hasMessage("adopt needs the version the existing schema becomes. Run: hop adopt version=1.0.0");

    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());

    assertThatThrownBy(() -> project.call(legacy, hop -> hop.adopt().setVersion("1.0.0").call()))
        .isInstanceOf(AdoptionRefusedException.class)
        .hasMessageStartingWith("The project already has releases (0.1.0-stage.txt): adopt takes an existing database"
            + " as the first release of a project made by the archetype");

    String production = project.database("prod");
    project.call(production, hop -> hop.upgrade().setCreate(true).call());
    project.git("rm", "-q", "releases/0.1.0-stage.txt");
    project.git("commit", "-q", "-m", "no stage");
    project.git("push", "-q", "origin", "ho-prod");

    assertThatThrownBy(() -> project.call(production, hop -> hop.adopt().setVersion("1.0.0").call()))
        .isInstanceOf(AdoptionRefusedException.class)
        .hasMessageStartingWith("Database " + production + " already records release 0.0.0 in half_orm_meta");
  }

  /** Pagila's schema and data, loaded by psql as its README says, into a new database. */
  private void createLegacy(String database) throws Exception {
    try (Connection c = PG.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    Path data = project.root().resolve("pagila-data.sql");
    try (InputStream in = new GZIPInputStream(AdoptIT.class.getResourceAsStream("/pagila/pagila-data.sql.gz"))) {
      Files.copy(in, data);
    }
    Path schema = project.root().resolve("pagila-schema.sql");
    try (InputStream in = AdoptIT.class.getResourceAsStream("/pagila/pagila-schema.sql")) {
      Files.copy(in, schema);
    }
    psql(database, schema);
    psql(database, data);
  }

  private static void psql(String database, Path file) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString())
        .redirectErrorStream(true);
    builder.environment().putAll(PG.libpqEnvironment(database));
    Process psql = builder.start();
    String output = new String(psql.getInputStream().readAllBytes());
    assertThat(psql.waitFor()).as("psql -f %s:%n%s", file, output).isZero();
  }

  /** The row count of every table of schema public (partitions counted in their parent). */
  private static Map<String, Long> rows(String database) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = PG.connect(database); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
          + " AND relkind IN ('r', 'p') AND NOT relispartition")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + table)) {
          rs.next();
          rows.put(table, rs.getLong(1));
        }
      }
    }
    assertThat(rows.get("rental")).as("Pagila's rentals").isGreaterThan(10_000);
    return rows;
  }

  private static boolean hasMetadata(String database) throws SQLException {
    return PG.queryValue(database, "SELECT to_regclass('half_orm_meta.hop_release') IS NOT NULL").equals("t");
  }



  /** javac's errors on the Java files under {@code root}, empty when they compile. */
  private List<String> compile(Path root) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    assertThat(sources).hasSizeGreaterThan(15);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(project.root().resolve("classes")).toString(),
        "-proc:none", "-Xlint:none"));
    args.addAll(sources);
    int exit = javac.run(null, errors, errors, args.toArray(String[]::new));
    return exit == 0 ? List.of() : errors.toString().lines().filter(l -> l.contains("error")).toList();
  }
}
