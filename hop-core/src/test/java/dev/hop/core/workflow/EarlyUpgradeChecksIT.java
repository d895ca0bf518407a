package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.db.DatabaseRelease;
import dev.hop.core.db.MetadataSchema;
import dev.hop.core.db.UpgradeLock;
import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.ProductionDatabaseException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * upgrade's checks made while origin is fetched: only an unreachable server fails at once; a database without hop's
 * metadata, a lock held by another upgrade and unreadable release files are kept for the upgrade to meet in its turn.
 */
class EarlyUpgradeChecksIT {
  private static final Duration SHORT_WAIT = Duration.ofMillis(200);

  private final TestPostgres pg = TestPostgres.get();

  @TempDir
  Path dir;

  @Test
  void aDatabaseAtAVersionIsLockedAndReadAndTheBackupToolsAreFoundWhenThereIsAPath() throws Exception {
    release("0.1.0.txt", "");
    try (TestDatabase db = hopDatabase(Version.ZERO);
        EarlyUpgradeChecks checks = run(db, Optional.empty())) {
      assertThat(checks.missing()).isFalse();
      assertThat(checks.releases()).hasValueSatisfying(r -> assertThat(r.productionVersion().toString())
          .isEqualTo("0.1.0"));
      assertThat(checks.connection().version()).isEqualTo(Version.ZERO);
      try (Connection other = db.connect()) {
        assertThatThrownBy(() -> UpgradeLock.acquire(other, SHORT_WAIT, CommandHints.NEUTRAL))
            .as("the lock is held").isInstanceOf(DatabaseRefusedException.class);
      }
      Connection c = checks.connection().connection();
      assertThat(checks.safety().backup(c)).as("found early, not looked for again")
          .isSameAs(checks.safety().backup(c));
    }
  }

  @Test
  void aDatabaseWithoutHopMetadataIsReportedWhenAskedFor() throws Exception {
    try (TestDatabase db = pg.createDatabase("early_plain"); EarlyUpgradeChecks checks = run(db, Optional.empty())) {
      assertThat(checks.missing()).isFalse();
      assertThatThrownBy(() -> checks.connection().version()).isInstanceOf(ProductionDatabaseException.class)
          .hasMessageContaining(db.name());
    }
  }

  @Test
  void aLockHeldByAnotherUpgradeIsReportedWhenAskedFor() throws Exception {
    try (TestDatabase db = hopDatabase(Version.ZERO); Connection other = db.connect();
        UpgradeLock held = UpgradeLock.acquire(other, SHORT_WAIT, CommandHints.NEUTRAL);
        EarlyUpgradeChecks checks = run(db, Optional.empty())) {
      assertThatThrownBy(() -> checks.connection().connection()).isInstanceOf(DatabaseRefusedException.class);
    }
  }

  @Test
  void unreadableReleaseFilesAreLeftForTheReadAfterGitsChecks() throws Exception {
    release("0.1.0.txt", "not a patch id!\n");
    try (TestDatabase db = hopDatabase(Version.ZERO); EarlyUpgradeChecks checks = run(db, Optional.empty())) {
      assertThat(checks.releases()).isEmpty();
      assertThat(checks.connection().version()).isEqualTo(Version.ZERO);
    }
  }

  @Test
  void aMissingDatabaseIsSaidSoAndHasNoConnection() throws Exception {
    try (EarlyUpgradeChecks checks = EarlyUpgradeChecks.run(project(pg.jdbcUrl("early_missing_db")),
        ProductionDatabase.of(settings(pg.jdbcUrl("early_missing_db")), "upgrade"), Optional.empty(), true,
        SHORT_WAIT)) {
      assertThat(checks.missing()).isTrue();
      assertThatThrownBy(checks::connection).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anUnreachableServerFailsAtOnce() {
    String url = "jdbc:postgresql://127.0.0.1:1/none";
    assertThatThrownBy(() -> EarlyUpgradeChecks.run(project(url), ProductionDatabase.of(settings(url), "upgrade"),
        Optional.empty(), true, SHORT_WAIT)).isInstanceOf(DatabaseException.class);
  }

  private EarlyUpgradeChecks run(TestDatabase db, Optional<Version> toRelease) throws Exception {
    return EarlyUpgradeChecks.run(project(db.jdbcUrl()), ProductionDatabase.of(settings(db.jdbcUrl()), "upgrade"),
        toRelease, true, SHORT_WAIT);
  }

  private TestDatabase hopDatabase(Version version) throws Exception {
    TestDatabase db = pg.createDatabase("early_hop");
    try (Connection c = db.connect()) {
      MetadataSchema metadata = new MetadataSchema();
      metadata.install(c);
      metadata.recordRelease(c, DatabaseRelease.production(version), "test", null);
    }
    return db;
  }

  private void release(String file, String content) throws Exception {
    Files.createDirectories(dir.resolve("releases"));
    Files.writeString(dir.resolve("releases").resolve(file), content);
  }

  private Project project(String url) {
    return new Project(settings(url), e -> { }, Clock.systemUTC(), new GitEnvironment(dir, Map.of()),
        Optional.empty());
  }

  private HopSettings settings(String url) {
    return new HopSettings(dir, Optional.of(url), "none", Optional.of(pg.user()), Secret.of(pg.password()),
        "it.hop.db", Optional.empty(), HopSettings.GitCredentials.NONE, Optional.empty(), Duration.ofMinutes(1),
        Duration.ofMinutes(30), CommandHints.NEUTRAL, Optional.empty());
  }
}
