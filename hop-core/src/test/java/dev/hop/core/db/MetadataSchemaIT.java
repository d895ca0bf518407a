package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.release.Version;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the half_orm_meta schema: idempotent install, version read and record, applied scripts. */
@WithPostgres
class MetadataSchemaIT {

  private final MetadataSchema metadata = new MetadataSchema();
  private Connection c;

  @BeforeEach
  void fresh(TestDatabase db) throws Exception {
    c = db.connect();
    try (Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS half_orm_meta CASCADE; DROP SCHEMA IF EXISTS \"half_orm_meta.view\" CASCADE");
    }
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void installTwiceIsInstallOnce() throws Exception {
    assertThat(metadata.isInstalled(c)).isFalse();
    metadata.install(c);
    metadata.recordRelease(c, DatabaseRelease.production(Version.ZERO), "init", null);
    String once = CatalogFingerprint.of(c);
    metadata.install(c);
    assertThat(CatalogFingerprint.of(c)).isEqualTo(once);
    assertThat(metadata.isInstalled(c)).isTrue();
    assertThat(metadata.currentRelease(c)).contains(DatabaseRelease.production(Version.ZERO));
  }

  @Test
  void hasHalfOrmDevColumnsAndPrimaryKey() throws Exception {
    metadata.install(c);
    assertThat(columns("half_orm_meta", "hop_release")).containsExactly("major", "minor", "patch", "pre_release",
        "pre_release_num", "date", "time", "changelog", "commit");
    assertThat(columns("half_orm_meta.view", "hop_last_release")).containsExactly("major", "minor", "patch",
        "pre_release", "pre_release_num", "date", "time", "changelog", "commit");
    assertThat(columns("half_orm_meta.view", "hop_penultimate_release")).containsExactly("major", "minor", "patch");
    assertThat(columns("half_orm_meta", "hop_applied_patch")).containsExactly("id", "release", "patch_id", "file",
        "sha256", "applied_at", "duration");
    metadata.recordRelease(c, DatabaseRelease.production(new Version(1, 0, 0)), null, null);
    assertThatThrownBy(() -> metadata.recordRelease(c, DatabaseRelease.production(new Version(1, 0, 0)), null, null))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("record release 1.0.0")
        .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).contains("23505"));
  }

  @Test
  void noReleaseMeansNoVersion() throws Exception {
    metadata.install(c);
    assertThat(metadata.currentRelease(c)).isEmpty();
  }

  @Test
  void versionIsTheLastReleaseWithProductionAfterItsCandidates() throws Exception {
    metadata.install(c);
    Version v110 = new Version(1, 10, 0);
    metadata.recordRelease(c, DatabaseRelease.production(new Version(1, 9, 0)), null, null);
    metadata.recordRelease(c, DatabaseRelease.rc(v110, 9), null, null);
    metadata.recordRelease(c, DatabaseRelease.rc(v110, 10), null, null);
    assertThat(metadata.currentRelease(c)).contains(DatabaseRelease.rc(v110, 10));
    metadata.recordRelease(c, DatabaseRelease.production(v110), "1.10.0", "abc123");
    assertThat(metadata.currentRelease(c)).contains(DatabaseRelease.production(v110));
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT major, minor, patch FROM \"half_orm_meta.view\".hop_penultimate_release")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(2)).isEqualTo(9);
    }
  }

  @Test
  void recordsAppliedScripts() throws Exception {
    metadata.install(c);
    String sha = "a".repeat(64);
    metadata.recordApplied(c, new AppliedScript("1.1.0-rc1", "12-users", "01-tables.sql", sha, null,
        Duration.ofMillis(1234)));
    List<AppliedScript> applied = metadata.applied(c);
    assertThat(applied).hasSize(1);
    AppliedScript row = applied.get(0);
    assertThat(row.patchId()).isEqualTo("12-users");
    assertThat(row.file()).isEqualTo("01-tables.sql");
    assertThat(row.sha256()).isEqualTo(sha);
    assertThat(row.duration()).isEqualTo(Duration.ofMillis(1234));
    assertThat(row.appliedAt()).isNotNull();
  }

  private List<String> columns(String schema, String relation) throws Exception {
    try (var p = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = (quote_ident(?) || '.'"
        + " || quote_ident(?))::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      p.setString(1, schema);
      p.setString(2, relation);
      try (ResultSet rs = p.executeQuery()) {
        List<String> names = new java.util.ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        return names;
      }
    }
  }
}
