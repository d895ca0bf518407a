package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A repository as half_orm_dev 0.16 leaves it after its first release, continued by hop through the next one: its
 * production database (half_orm_dev's metadata: no hop_applied_patch, a {@code database} table, two more columns in
 * hop_release) and its snapshots as half_orm_dev's pg_dump wrote them (owners of a developer's machine, COPY rows of
 * three metadata tables), its Python files, a released patch with a {@code .py} script, an RC file and an empty
 * production file.
 */
class HalfOrmDevRepositoryIT {
  /** half_orm_dev's metadata schema, as its half_orm_meta.sql creates it (columns, keys and views). */
  private static final String HALF_ORM_META = """
      CREATE SCHEMA half_orm_meta;
      CREATE SCHEMA "half_orm_meta.view";
      CREATE TABLE half_orm_meta.database (id text PRIMARY KEY, name text NOT NULL, description text);
      CREATE TABLE half_orm_meta.hop_release (
          major integer NOT NULL CHECK (major >= 0), minor integer NOT NULL CHECK (minor >= 0),
          patch integer NOT NULL CHECK (patch >= 0),
          pre_release text DEFAULT '' NOT NULL CHECK (pre_release = ANY (ARRAY['alpha', 'beta', 'rc', ''])),
          pre_release_num text DEFAULT '' NOT NULL CHECK (pre_release_num = '' OR pre_release_num ~ '^\\d+$'),
          date date DEFAULT CURRENT_DATE, "time" time(0) with time zone DEFAULT CURRENT_TIME,
          changelog text, commit text,
          dbid text REFERENCES half_orm_meta.database (id) ON UPDATE CASCADE, hop_release text,
          PRIMARY KEY (major, minor, patch, pre_release, pre_release_num));
      CREATE TABLE half_orm_meta.hop_release_issue (
          num integer NOT NULL CHECK (num >= 0), issue_release integer DEFAULT 0 NOT NULL,
          release_major integer NOT NULL, release_minor integer NOT NULL, release_patch integer NOT NULL,
          release_pre_release text NOT NULL, release_pre_release_num text NOT NULL, changelog text,
          PRIMARY KEY (num, issue_release),
          FOREIGN KEY (release_major, release_minor, release_patch, release_pre_release, release_pre_release_num)
              REFERENCES half_orm_meta.hop_release);
      CREATE VIEW "half_orm_meta.view".hop_last_release AS
       SELECT major, minor, patch, pre_release, pre_release_num, date, "time", changelog, commit
         FROM half_orm_meta.hop_release
        ORDER BY major DESC, minor DESC, patch DESC, pre_release DESC, pre_release_num DESC LIMIT 1;
      CREATE VIEW "half_orm_meta.view".hop_penultimate_release AS
       SELECT p.major, p.minor, p.patch
         FROM (SELECT major, minor, patch FROM half_orm_meta.hop_release
                ORDER BY major DESC, minor DESC, patch DESC LIMIT 2) p
        ORDER BY p.major, p.minor, p.patch LIMIT 1;
      INSERT INTO half_orm_meta.hop_release (major, minor, patch, changelog) VALUES (0, 0, 0, 'Initial release');
      """;
  private static final String PERSON = "CREATE TABLE public.person (id serial PRIMARY KEY, name text NOT NULL);\n";

  @RegisterExtension
  final CoreProject project = new CoreProject();
  private String production;

  @BeforeEach
  void open() throws Exception {
    production = project.database("hod");
    releasedByHalfOrmDev();
  }

  @Test
  void hopMakesTheNextReleaseAndUpgradesHalfOrmDevsProductionDatabase() throws Exception {
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch("2-email", Map.of("01_email.sql", "ALTER TABLE person ADD COLUMN email text;\n"));

    PatchApplyResult applied = project.call(hop -> hop.patchApply().call());

    assertThat(applied.production()).isEqualTo(Version.parse("0.1.0"));
    assertThat(project.dir().resolve("src/main/java/it/hop/db/public_/Person.java")).content().contains("email");
    assertThat(project.dir().resolve("hod/person.py")).as("half_orm_dev's own files are left alone").exists();
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "Code of 2-email");
    project.git("push", "-q", "origin", "ho-patch/2-email");
    project.git("switch", "-q", "ho-prod");
    project.call(hop -> hop.patchAdd().setId("2-email").call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());
    assertThat(project.originGit("show", "ho-prod:releases/0.2.0.txt")).isEqualTo("2-email");

    UpgradeResult upgraded = project.call(production, hop -> hop.upgrade().call());

    assertThat(upgraded.from()).isEqualTo(Version.parse("0.1.0"));
    assertThat(upgraded.to()).isEqualTo(Version.parse("0.2.0"));
    assertThat(query("SELECT string_agg(name || ':' || coalesce(email, '-'), ',' ORDER BY id) FROM public.person"))
        .as("the rows half_orm_dev's script wrote are kept").isEqualTo("ada:-,grace:-");
    assertThat(query("SELECT string_agg(major || '.' || minor || '.' || patch, ',' ORDER BY major, minor, patch)"
        + " FROM half_orm_meta.hop_release")).isEqualTo("0.0.0,0.1.0,0.2.0");
    assertThat(query("SELECT string_agg(patch_id || '/' || file, ',') FROM half_orm_meta.hop_applied_patch"))
        .isEqualTo("2-email/01_email.sql");
    assertThat(query("SELECT count(*) FROM half_orm_meta.database")).as("half_orm_dev's tables kept").isEqualTo("0");
  }

  @Test
  void aNewPatchWithAPythonScriptIsRefusedNamingIt() throws Exception {
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch("2-fill", Map.of("01_fill.py", "print('half_orm_dev ran these')\n"));

    assertThatThrownBy(() -> project.call(hop -> hop.patchApply().call()))
        .isInstanceOf(PatchScriptException.class).hasMessageContaining("Patches/2-fill/01_fill.py");
  }

  /**
   * The production database half_orm_dev made and released at 0.1.0 (patch 1-person: a table, then a Python script
   * that filled it), and the repository as it left it, pushed to origin.
   */
  private void releasedByHalfOrmDev() throws Exception {
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + production);
    }
    try (Connection c = TestPostgres.get().connect(production); Statement s = c.createStatement()) {
      s.execute(HALF_ORM_META);
      s.execute(PERSON);
      s.execute("INSERT INTO public.person (name) VALUES ('ada'), ('grace')");
      s.execute("INSERT INTO half_orm_meta.hop_release (major, minor, patch) VALUES (0, 1, 0)");
    }
    Path model = project.dir().resolve("model");
    // half_orm_dev's snapshots: plain pg_dump, taken on a developer's machine whose role owned everything
    String schema = pgDump("--schema-only").replace("OWNER TO " + TestPostgres.get().user() + ";", "OWNER TO alice;");
    assertThat(schema).contains("OWNER TO alice;");
    Files.writeString(model.resolve("schema-0.1.0.sql"), schema);
    Files.writeString(model.resolve("metadata-0.1.0.sql"), pgDump("--data-only", "--table=half_orm_meta.database",
        "--table=half_orm_meta.hop_release", "--table=half_orm_meta.hop_release_issue"));
    Files.delete(model.resolve("schema.sql"));
    Files.createSymbolicLink(model.resolve("schema.sql"), Path.of("schema-0.1.0.sql"));
    write(".hop/config", "[halfORM]\nhop_version = 0.16.0-a10\ngit_origin = " + project.sandbox.originDir()
        + "\ndevel = True\n");
    write("setup.py", "from setuptools import setup\nsetup(name='hod')\n");
    write("Pipfile", "[packages]\nhalf_orm = \"*\"\n");
    write("hod/__init__.py", "");
    write("hod/person.py", "class Person:\n    pass\n");
    write("Patches/1-person/README.md", "# Patch 1-person\n");
    write("Patches/1-person/01_person.sql", PERSON);
    write("Patches/1-person/02_fill.py", "# inserted ada and grace through half_orm\n");
    write("releases/0.1.0-rc1.txt", "1-person\n");
    write("releases/0.1.0.txt", "");
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "[ho] Release 0.1.0");
    project.git("tag", "-a", "-m", "[ho] Release 0.1.0-rc1", "v0.1.0-rc1");
    project.git("tag", "-a", "-m", "[ho] Release 0.1.0", "v0.1.0");
    project.git("tag", "-a", "-m", "Patch 1-person", "ho-patch/1");
    project.git("branch", "ho-release/0.1.0/1-person");
    project.git("push", "-q", "--tags", "origin", "ho-prod", "ho-release/0.1.0/1-person");
  }

  private String pgDump(String... options) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("pg_dump"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(TestPostgres.get().libpqEnvironment(production));
    Process dump = builder.start();
    String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dump.waitFor()).as(new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    return out;
  }

  private void write(String path, String text) {
    project.sandbox.write("alice", path, text);
  }

  private String query(String sql) throws SQLException {
    try (Connection c = TestPostgres.get().connect(production); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
