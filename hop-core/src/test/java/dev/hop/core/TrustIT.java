package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hop.core.errors.BackupRefusedException;
import dev.hop.core.errors.DriftException;
import dev.hop.core.errors.HopException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * check, history, status, upgrade, restore and mark-applied on production databases that are, or are not, what their
 * releases made them: untouched databases of every release report nothing; released files edited after the fact and
 * schemas changed by hand are named, and upgrade then changes nothing; a backup is put back exactly; a release applied
 * by hand is recorded only when the schema is its snapshot.
 */
class TrustIT {
  private static final TestPostgres PG = TestPostgres.get();
  private static final String FILMS = """
      CREATE TYPE mood AS ENUM ('sad', 'happy');
      CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
      CREATE SEQUENCE ticket_seq;
      CREATE TABLE film (id serial PRIMARY KEY, title text NOT NULL, length positive, feeling mood,
          rating text DEFAULT 'G');
      CREATE INDEX film_title ON film (title);
      CREATE VIEW long_film AS SELECT id, title FROM film WHERE length > 120;
      CREATE MATERIALIZED VIEW film_count AS SELECT count(*) AS n FROM film;
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.title := trim(NEW.title);
          RETURN NEW; END $$;
      CREATE TRIGGER film_touch BEFORE INSERT ON film FOR EACH ROW EXECUTE FUNCTION touch();
      CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;
      """;
  private static final String RENTALS = "CREATE TABLE rental (id integer PRIMARY KEY,"
      + " film_id integer REFERENCES film);\n";

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void editedReleasedFilesAreNamedByCheckStatusAndUpgradeAndRestorePutsBackABackup() throws Exception {
    String prod = project.database("prod");
    project.call(prod, hop -> hop.upgrade().setCreate(true).call());
    release("1-films", FILMS);
    String old = project.database("old");
    project.call(old, hop -> hop.upgrade().setCreate(true).call());
    project.call(prod, hop -> hop.upgrade().call());
    PG.execute(prod, "INSERT INTO film (title, length) VALUES ('Alien', 117), ('Heat', 170)");
    String atBackup = fingerprint(prod);
    release("2-rentals", RENTALS);
    Path backup = project.call(prod, hop -> hop.upgrade().call()).backup().orElseThrow();
    String fresh = project.database("fresh");
    project.call(fresh, hop -> hop.upgrade().setCreate(true).call());

    for (String database : List.of(old, prod, fresh)) {
      CheckResult untouched = project.call(database, hop -> hop.check().call());
      assertThat(untouched.drifted()).as(database).isFalse();
      assertThat(untouched.files()).isEmpty();
      assertThat(untouched.schema()).isEmpty();
    }
    CheckResult clean = project.call(prod, hop -> hop.check().call());
    assertThat(clean.version()).isEqualTo(new Version(0, 2, 0));
    assertThat(clean.releasesChecked()).containsExactly(new Version(0, 1, 0), new Version(0, 2, 0));

    HistoryResult history = project.call(prod, hop -> hop.history().call());
    assertThat(history.releases()).extracting(HistoryResult.Release::release)
        .containsExactly("0.2.0", "0.1.0", "0.0.0");
    assertThat(history.releases().get(1).patches()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("1-films");
      assertThat(p.files()).extracting(HistoryResult.File::name).containsExactly("01_films.sql");
    });
    assertThat(history.releases().get(0).appliedAt()).isPresent();
    assertThat(history.releases().get(0).commit()).hasSize(40);

    project.sandbox.write("alice", "Patches/1-films/01_films.sql", FILMS + "-- fixed later\n");
    project.git("commit", "-q", "-am", "Edit a released file");
    project.git("push", "-q", "origin", "ho-prod");

    StatusResult status = project.call(hop -> hop.status().call());
    assertThat(status.editedReleasedFiles()).containsExactly("Patches/1-films/01_films.sql");
    CheckResult edited = project.call(prod, hop -> hop.check().setSchema(false).call());
    assertThat(edited.drifted()).isTrue();
    assertThat(edited.files()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("EDITED_SINCE_RELEASE");
      assertThat(f.path()).isEqualTo("Patches/1-films/01_films.sql");
      assertThat(f.description()).isEqualTo("changed since v0.1.0: Patches/1-films/01_films.sql of release 0.1.0");
    });
    DriftException refused = catchThrowableOfType(() -> project.call(old, hop -> hop.upgrade().call()),
        DriftException.class);
    assertThat(refused.reason()).isEqualTo(DriftException.Reason.RELEASED_FILES);
    assertThat(refused.getMessage()).contains("Patches/1-films/01_films.sql", "changed nothing");
    assertThat(PG.hopVersion(old)).as("upgrade changed nothing").isEqualTo("0.1.0");

    project.git("tag", "-f", "v0.1.0", "HEAD");
    CheckResult retagged = project.call(prod, hop -> hop.check().setSchema(false).call());
    assertThat(retagged.files()).extracting(CheckResult.FileDrift::kind).containsExactly("EDITED");

    // restore: prod's backup of 0.1.0 (taken by the upgrade to 0.2.0), after its rows were changed
    PG.execute(prod, "DELETE FROM film", "INSERT INTO rental VALUES (1, NULL)");
    Path renamed = Files.copy(backup, project.root().resolve("mine.dump"));
    BackupRefusedException otherDatabase = catchThrowableOfType(() -> project.call(old,
        hop -> hop.restore().setBackup(Optional.of(backup)).call()), BackupRefusedException.class);
    BackupRefusedException notHops = catchThrowableOfType(() -> project.call(prod,
        hop -> hop.restore().setBackup(Optional.of(renamed)).call()), BackupRefusedException.class);
    assertThat(otherDatabase.reason()).isEqualTo(BackupRefusedException.Reason.OTHER_DATABASE);
    assertThat(notHops.reason()).isEqualTo(BackupRefusedException.Reason.NOT_HOPS);
    assertThat(notHops.getMessage()).contains("force=true", "not named as hop names the backups");
    assertThat(PG.hopVersion(prod)).isEqualTo("0.2.0");

    RestoreResult restored = project.call(prod, hop -> hop.restore().setBackup(Optional.of(backup)).call());

    assertThat(restored.before()).contains("0.2.0");
    assertThat(restored.now()).contains("0.1.0");
    assertThat(restored.schemaChecked()).isTrue();
    assertThat(restored.schema()).isEmpty();
    assertThat(PG.hopVersion(prod)).isEqualTo("0.1.0");
    assertThat(fingerprint(prod)).as("the catalog the backup was taken from").isEqualTo(atBackup);
    assertThat(PG.queryValue(prod, "SELECT string_agg(title, ',' ORDER BY title) FROM film")).isEqualTo("Alien,Heat");
    assertThat(PG.queryValue(prod, "SELECT count(*) FROM pg_class WHERE relname = 'rental'")).isEqualTo("0");
    assertThat(restored.safetyBackup()).exists().hasParent(project.dir().resolve("backups"));
    assertThat(restored.safetyBackup().getFileName().toString()).startsWith(prod + "-0.2.0-before-restore-");
    RestoreResult forced = project.call(prod, hop -> hop.restore().setBackup(Optional.of(renamed)).setForce(true)
        .call());
    assertThat(forced.now()).contains("0.1.0");
    assertThat(project.databases()).doesNotContain(prod + "_check");
  }

  @Test
  void handChangesAreNamedAndRefusedAndMarkAppliedRecordsOnlyAReleaseAppliedWhole() throws Exception {
    release("1-films", FILMS);
    String byHand = project.database("byhand");
    String partly = project.database("partly");
    PG.execute(PG.maintenanceDatabase(), "CREATE DATABASE " + byHand, "CREATE DATABASE " + partly);
    PG.execute(byHand, FILMS);
    PG.execute(partly, FILMS.substring(0, FILMS.indexOf("CREATE INDEX")));

    DriftException refused = catchThrowableOfType(() -> project.call(partly,
        hop -> hop.markApplied().setToRelease(Optional.of(new Version(0, 1, 0))).call()), DriftException.class);
    MarkAppliedResult marked = project.call(byHand,
        hop -> hop.markApplied().setToRelease(Optional.of(new Version(0, 1, 0))).call());

    assertThat(refused.differences()).contains("removed: INDEX public.film_title");
    assertThat(PG.queryValue(partly, "SELECT to_regclass('half_orm_meta.hop_release') IS NULL")).isEqualTo("t");
    assertThat(marked.from()).isEqualTo(Version.ZERO);
    assertThat(marked.recorded()).containsExactly(new Version(0, 1, 0));
    assertThat(PG.hopVersion(byHand)).isEqualTo("0.1.0");
    CheckResult check = project.call(byHand, hop -> hop.check().call());
    assertThat(check.drifted()).isFalse();
    assertThat(check.releasesWithoutRecords()).containsExactly(new Version(0, 1, 0));
    UpgradeResult upToDate = project.call(byHand, hop -> hop.upgrade().call());
    assertThat(upToDate.status()).isEqualTo(UpgradeResult.Status.UP_TO_DATE);

    String prod = project.database("prod");
    project.call(prod, hop -> hop.upgrade().setCreate(true).call());
    PG.execute(prod, "ALTER TABLE film ADD COLUMN note text", "DROP INDEX film_title", "CREATE TABLE audit (id int)",
        "CREATE OR REPLACE VIEW long_film AS SELECT id, title FROM film WHERE length > 90",
        "DROP MATERIALIZED VIEW film_count",
        "CREATE MATERIALIZED VIEW film_count AS SELECT count(*) AS n FROM film WHERE length > 0",
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " NEW.title := upper(NEW.title); RETURN NEW; END $$",
        "DROP PROCEDURE noop()", "DROP TRIGGER film_touch ON film",
        "CREATE TRIGGER film_touch AFTER INSERT ON film FOR EACH ROW EXECUTE FUNCTION touch()",
        "ALTER TYPE mood ADD VALUE 'angry'", "ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 1000)",
        "ALTER SEQUENCE ticket_seq INCREMENT BY 5", "CREATE SCHEMA reporting",
        "ALTER TABLE film ADD CONSTRAINT film_title_key UNIQUE (title)");

    CheckResult drifted = project.call(prod, hop -> hop.check().call());

    assertThat(drifted.drifted()).isTrue();
    assertThat(drifted.files()).isEmpty();
    assertThat(drifted.schema()).extracting(d -> d.kind() + " " + d.object()).containsExactlyInAnyOrder(
        "CHANGED TABLE public.film", "REMOVED INDEX public.film_title", "ADDED TABLE public.audit",
        "CHANGED VIEW public.long_film", "CHANGED MATERIALIZED VIEW public.film_count",
        "CHANGED FUNCTION public.touch()", "REMOVED PROCEDURE public.noop()",
        "CHANGED TRIGGER public.film film_touch", "CHANGED TYPE public.mood", "CHANGED DOMAIN public.positive",
        "CHANGED SEQUENCE public.ticket_seq", "ADDED SCHEMA reporting",
        "ADDED CONSTRAINT public.film film_title_key");
    assertThat(drifted.schema()).filteredOn(d -> d.object().equals("TABLE public.film")).singleElement()
        .satisfies(d -> assertThat(d.detail()).contains("note text"));
    assertThat(drifted.lines(project.settings(prod).hints())).anyMatch(l -> l.contains("13 objects differ"));
    assertThat(project.databases()).as("the scratch database is dropped").doesNotContain(prod + "_check");

    release("2-rentals", RENTALS);
    DriftException drift = catchThrowableOfType(() -> project.call(prod,
        hop -> hop.upgrade().setCheckSchema(true).call()), DriftException.class);
    assertThat(drift.reason()).isEqualTo(DriftException.Reason.SCHEMA);
    assertThat(drift.differences()).contains("added: TABLE public.audit");
    assertThat(PG.hopVersion(prod)).isEqualTo("0.1.0");
    assertThat(project.databases()).doesNotContain(prod + "_check");
  }

  /** A minor release of one patch, made the way a team does (patch-new, apply, add, rc, prod); ends on ho-prod. */
  private void release(String id, String sql) throws HopException {
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    String file = "01_" + id.substring(id.indexOf('-') + 1) + ".sql";
    project.startPatch(id, Map.of(file, sql));
    project.call(hop -> hop.patchApply().call());
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "Code of " + id);
    project.git("push", "-q", "origin", "ho-patch/" + id);
    project.git("switch", "-q", "ho-prod");
    project.call(hop -> hop.patchAdd().setId(id).call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());
  }


  private static String fingerprint(String database) throws SQLException {
    try (Connection c = PG.connect(database)) {
      return CatalogFingerprint.of(c);
    }
  }


}
