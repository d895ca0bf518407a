package dev.hop.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.Secret;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.PatchId;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scratch databases at the production state, and patches applied to them each in its own transaction. */
class ScratchDatabaseIT {

  private static final ProductionState ZERO = new ProductionState(Version.ZERO,
      "SET client_encoding = 'UTF8';\n".getBytes(StandardCharsets.UTF_8),
      ("INSERT INTO half_orm_meta.hop_release (major, minor, patch, pre_release, pre_release_num, changelog)"
          + " VALUES (0, 0, 0, '', '', 'Initial release');\n").getBytes(StandardCharsets.UTF_8));

  private final TestPostgres pg = TestPostgres.get();
  private final DatabaseTarget development = new DatabaseTarget(
      pg.jdbcUrl("dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)), Optional.of(pg.user()),
      Secret.of(pg.password()));

  @Test
  void isBuiltBesideTheDevelopmentDatabaseAndDroppedOnClose() throws Exception {
    DatabaseTarget target = ScratchDatabase.targetFor(development, "validation");
    assertThat(target.database()).isEqualTo(development.database() + "_validation");

    try (ScratchDatabase db = ScratchDatabase.create(target, development, ZERO, CommandHints.NEUTRAL, HopEvents.NONE,
        "hop patch-apply")) {
      new PatchApplier(db.target(), HopEvents.NONE, "hop patch-apply").apply(List.of(id("1-a"), id("2-b")),
          patch -> files(patch.value().equals("1-a") ? "CREATE TABLE a (id int);" : "CREATE TABLE b (id int);"),
          patch -> "1.0.0-stage");
      assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')")).isEqualTo(2);
      assertThat(count(target, "SELECT count(*) FROM half_orm_meta.hop_release")).isEqualTo(1);
    }
    assertThat(exists(target.database())).isFalse();
    ScratchDatabase.checkUsable(target, CommandHints.NEUTRAL, "validate in");
  }

  @Test
  void aFailingPatchIsRolledBackAndThePatchesBeforeItStay() throws Exception {
    DatabaseTarget target = ScratchDatabase.targetFor(development, "release");
    try (ScratchDatabase db = ScratchDatabase.create(target, development, ZERO, CommandHints.NEUTRAL, HopEvents.NONE,
        "hop promote to=prod")) {
      assertThatThrownBy(() -> new PatchApplier(db.target(), HopEvents.NONE, "hop promote to=prod").apply(
          List.of(id("1-a"), id("2-b")),
          patch -> files(patch.value().equals("1-a") ? "CREATE TABLE a (id int);"
              : "CREATE TABLE b (id int);\nSELECT nope;"),
          patch -> "1.0.0"))
          .isInstanceOf(PatchScriptException.class)
          .hasMessageContaining("Patches/2-b/01.sql:2");
      assertThat(count(target, "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')")).isEqualTo(1);
    }
  }

  @Test
  void anUnmarkedDatabaseOfThatNameIsRefused() throws Exception {
    DatabaseTarget target = ScratchDatabase.targetFor(development, "validation");
    try (Connection c = pg.maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + target.database());
    }
    try {
      assertThatThrownBy(() -> ScratchDatabase.checkUsable(target, CommandHints.NEUTRAL, "validate patch 1-a in"))
          .isInstanceOf(DatabaseRefusedException.class)
          .hasMessageStartingWith("Refusing to validate patch 1-a in database " + target.database());
    } finally {
      try (Connection c = pg.maintenance(); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + target.database());
      }
    }
  }

  @Test
  void longNamesAreShortenedToFitPostgres() {
    DatabaseTarget longOne = development.withDatabase("d".repeat(60));
    assertThat(ScratchDatabase.targetFor(longOne, "validation").database()).hasSize(63).endsWith("_validation");
  }

  private static PatchId id(String value) {
    return new PatchId(value);
  }

  private static PatchApplier.Files files(String sql) {
    SortedMap<String, byte[]> files = new TreeMap<>(Map.of("01.sql", sql.getBytes(StandardCharsets.UTF_8)));
    return new PatchApplier.Files(files, Optional.empty());
  }

  private boolean exists(String database) throws Exception {
    return count(development.maintenance(), "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'") == 1;
  }

  private static int count(DatabaseTarget target, String sql) throws Exception {
    try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
