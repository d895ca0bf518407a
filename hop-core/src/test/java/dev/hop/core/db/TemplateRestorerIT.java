package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.release.Version;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restores development databases from real pg_dump snapshots through a template database. */
class TemplateRestorerIT {

  private static final Version V1 = new Version(1, 0, 0);
  private static final Version V2 = new Version(1, 1, 0);
  private static TestDatabase production;
  private static byte[] schema;
  private static byte[] metadataInserts;
  private static byte[] metadataCopy;

  private final List<HopEvent> events = new ArrayList<>();
  private TestDatabase dev;
  private DatabaseTarget devTarget;
  private TemplateRestorer restorer;

  @BeforeAll
  static void dumpProduction() throws Exception {
    production = TestPostgres.get().createDatabase("prod");
    Dumps.createProduction(production);
    schema = Dumps.dump(production, "--schema-only");
    metadataInserts = Dumps.dump(production, "--data-only", "--inserts", "--schema=half_orm_meta");
    metadataCopy = Dumps.dump(production, "--data-only", "--schema=half_orm_meta");
  }

  @AfterAll
  static void dropProduction() {
    production.close();
  }

  @BeforeEach
  void names() {
    dev = TestPostgres.get().createDatabase("dev");
    dev.close();
    devTarget = Targets.of(dev);
    restorer = TemplateRestorer.on(devTarget, CommandHints.NEUTRAL, events::add, "hop patch-apply");
  }

  @AfterEach
  void drop() throws Exception {
    dev.close();
    try (Connection c = devTarget.maintenance().connect()) {
      for (Version v : List.of(V1, V2)) {
        c.createStatement().execute("DROP DATABASE IF EXISTS "
            + TemplateRestorer.templateName(dev.name(), v) + " WITH (FORCE)");
      }
      c.createStatement().execute("DROP DATABASE IF EXISTS " + TemplateRestorer.aheadName(dev.name()) + " WITH (FORCE)");
    }
  }

  @Test
  void aCopyMadeAheadLeavesTheDevelopmentDatabaseAloneUntilTheRestoreRenamesItIntoPlace() throws Exception {
    restorer.restore(devTarget, V1, schema, metadataCopy);
    try (Connection c = dev.connect()) {
      c.createStatement().execute("CREATE TABLE shop.scratch (id int)");
    }
    events.clear();

    Optional<TemplateRestorer.CopyAhead> ahead = restorer.copyAhead(devTarget, V1, schema, metadataCopy);

    assertThat(ahead).map(TemplateRestorer.CopyAhead::database).contains(TemplateRestorer.aheadName(dev.name()));
    assertThat(scratchTable()).isTrue();
    try (Connection m = devTarget.maintenance().connect()) {
      assertThat(DevelopmentMarker.isDevelopment(m, ahead.get().database())).isTrue();
    }

    RestoreResult result = restorer.restore(devTarget, V1, schema, metadataCopy, ahead);

    assertThat(result.templateReused()).isTrue();
    assertThat(scratchTable()).isFalse();
    assertThat(databases()).contains(dev.name()).doesNotContain(ahead.get().database());
    try (Connection m = devTarget.maintenance().connect()) {
      assertThat(DevelopmentMarker.isDevelopment(m, dev.name())).isTrue();
    }
    try (Connection r = dev.connect()) {
      assertThat(new MetadataSchema().currentRelease(r)).contains(DatabaseRelease.production(V1));
    }
    assertThat(events).anySatisfy(e -> assertThat(e.message()).endsWith("(copied from the template ahead)"));
  }

  @Test
  void noCopyAheadWithoutATemplateBuiltFromTheSameFiles() throws Exception {
    assertThat(restorer.copyAhead(devTarget, V1, schema, metadataCopy)).isEmpty();
    restorer.restore(devTarget, V1, schema, metadataCopy);
    assertThat(restorer.copyAhead(devTarget, V1, schema, metadataInserts)).isEmpty();
    assertThat(restorer.copyAhead(devTarget, V2, schema, metadataCopy)).isEmpty();
    assertThat(databases()).doesNotContain(TemplateRestorer.aheadName(dev.name()));
  }

  @Test
  void aCopyOfAnotherTemplateIsDroppedAndTheRestoreCopiesTheRightOne() throws Exception {
    restorer.restore(devTarget, V1, schema, metadataCopy);
    Optional<TemplateRestorer.CopyAhead> ahead = restorer.copyAhead(devTarget, V1, schema, metadataCopy);
    byte[] changed = (new String(schema, StandardCharsets.UTF_8) + "\nCREATE TABLE shop.extra (id int);\n")
        .getBytes(StandardCharsets.UTF_8);

    RestoreResult result = restorer.restore(devTarget, V1, changed, metadataCopy, ahead);

    assertThat(result.templateReused()).isFalse();
    assertThat(databases()).doesNotContain(ahead.orElseThrow().database());
    try (Connection c = dev.connect(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT to_regclass('shop.extra') IS NOT NULL")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }

  @Test
  void aRefusedRestoreDropsTheCopyAndLeavesTheDatabaseItRefused() throws Exception {
    restorer.restore(devTarget, V1, schema, metadataCopy);
    Optional<TemplateRestorer.CopyAhead> ahead = restorer.copyAhead(devTarget, V1, schema, metadataCopy);
    try (Connection m = devTarget.maintenance().connect()) {
      m.createStatement().execute("COMMENT ON DATABASE " + dev.name() + " IS 'somebody else''s'");
    }

    assertThatThrownBy(() -> restorer.restore(devTarget, V1, schema, metadataCopy, ahead))
        .isInstanceOf(DatabaseRefusedException.class);

    assertThat(databases()).contains(dev.name()).doesNotContain(ahead.orElseThrow().database());
  }

  @Test
  void aCopyAnEarlierRunLeftIsReplacedAndOneHopDidNotMakeIsRefused() throws Exception {
    restorer.restore(devTarget, V1, schema, metadataCopy);
    Optional<TemplateRestorer.CopyAhead> first = restorer.copyAhead(devTarget, V1, schema, metadataCopy);
    assertThat(restorer.copyAhead(devTarget, V1, schema, metadataCopy)).isEqualTo(first);
    restorer.discard(first.orElseThrow());
    assertThat(databases()).doesNotContain(first.get().database());

    try (Connection m = devTarget.maintenance().connect()) {
      m.createStatement().execute("CREATE DATABASE " + first.get().database());
    }
    assertThatThrownBy(() -> restorer.copyAhead(devTarget, V1, schema, metadataCopy))
        .isInstanceOf(DatabaseRefusedException.class);
    restorer.discard(first.get());
    assertThat(databases()).contains(first.get().database());
    assertThat(events).anySatisfy(e -> {
      assertThat(e.level()).isEqualTo(HopEvent.Level.WARN);
      assertThat(e.message()).startsWith("Refusing to drop database " + first.get().database());
    });
  }

  private boolean scratchTable() throws Exception {
    try (Connection c = dev.connect(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT to_regclass('shop.scratch') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private List<String> databases() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection m = devTarget.maintenance().connect();
        ResultSet rs = m.createStatement().executeQuery("SELECT datname FROM pg_database")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Test
  void restoreGivesTheSameCatalogAsLoadingTheDumpDirectly() throws Exception {
    RestoreResult result = restorer.restore(devTarget, V1, schema, metadataInserts);
    assertThat(result.templateReused()).isFalse();
    try (TestDatabase direct = TestPostgres.get().createDatabase("direct");
        Connection d = direct.connect(); Connection r = dev.connect(); Connection p = production.connect()) {
      d.setAutoCommit(false);
      new DumpLoader("x").load(d, "schema.sql", new String(schema, StandardCharsets.UTF_8));
      d.commit();
      assertThat(CatalogFingerprint.of(r)).isEqualTo(CatalogFingerprint.of(d)).isEqualTo(CatalogFingerprint.of(p));
      assertThat(new MetadataSchema().currentRelease(r)).contains(DatabaseRelease.production(V1));
      try (ResultSet rs = r.createStatement().executeQuery("SELECT count(*) FROM shop.customer")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
    try (Connection m = devTarget.maintenance().connect()) {
      assertThat(DevelopmentMarker.isDevelopment(m, dev.name())).isTrue();
    }
  }

  @Test
  void secondRestoreReusesTheTemplateUntilTheFilesChange() throws Exception {
    restorer.restore(devTarget, V1, schema, metadataCopy);
    try (Connection c = dev.connect()) {
      c.createStatement().execute("CREATE TABLE shop.scratch (id int)");
    }
    RestoreResult second = restorer.restore(devTarget, V1, schema, metadataCopy);
    assertThat(second.templateReused()).isTrue();
    try (Connection c = dev.connect(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT to_regclass('shop.scratch') IS NULL, (SELECT changelog FROM half_orm_meta.hop_release)")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getString(2)).isEqualTo("first; release");
    }
    byte[] changed = (new String(schema, StandardCharsets.UTF_8) + "\nCREATE TABLE shop.extra (id int);\n")
        .getBytes(StandardCharsets.UTF_8);
    RestoreResult third = restorer.restore(devTarget, V1, changed, metadataCopy);
    assertThat(third.templateReused()).isFalse();
    assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("(template reused)"));
  }

  @Test
  void aNewerProductionTemplateDropsTheOlderOneOfTheSameDatabaseOnly() throws Exception {
    String otherOwner = dev.name() + "x";
    String foreign = TemplateRestorer.templateName(otherOwner, V1);
    try (Connection m = devTarget.maintenance().connect()) {
      m.createStatement().execute("CREATE DATABASE " + foreign);
      DevelopmentMarker.markTemplate(m, foreign, "0");
    }
    try {
      restorer.restore(devTarget, V1, schema, metadataCopy);
      restorer.restore(devTarget, V2, schema, metadataCopy);
      restorer.restore(devTarget, V1, schema, metadataCopy);

      try (Connection m = devTarget.maintenance().connect()) {
        DatabaseServer server = new DatabaseServer(devTarget, CommandHints.NEUTRAL);
        assertThat(server.exists(m, TemplateRestorer.templateName(dev.name(), V2))).isTrue();
        assertThat(server.exists(m, TemplateRestorer.templateName(dev.name(), V1)))
            .as("an older template is rebuilt when asked for, and not dropped by it").isTrue();
        assertThat(server.exists(m, foreign)).isTrue();
      }
      restorer.restore(devTarget, V2, schema, metadataInserts);
      try (Connection m = devTarget.maintenance().connect()) {
        assertThat(new DatabaseServer(devTarget, CommandHints.NEUTRAL)
            .exists(m, TemplateRestorer.templateName(dev.name(), V1))).isFalse();
      }
    } finally {
      try (Connection m = devTarget.maintenance().connect()) {
        m.createStatement().execute("DROP DATABASE IF EXISTS " + foreign + " WITH (FORCE)");
      }
    }
  }

  @Test
  void templateVersionRecognisesOnlyTheOwnersTemplates() {
    String owner = "shop_db";
    assertThat(TemplateRestorer.templateVersion(owner, "shop_db__hop_1_2_3")).contains(new Version(1, 2, 3));
    assertThat(TemplateRestorer.templateVersion(owner, "shop_dbx__hop_1_2_3")).isEmpty();
    assertThat(TemplateRestorer.templateVersion(owner, "shop_db__hop_1_2")).isEmpty();
    String longOwner = "d".repeat(60);
    assertThat(TemplateRestorer.templateVersion(longOwner, TemplateRestorer.templateName(longOwner, new Version(10, 20, 30))))
        .contains(new Version(10, 20, 30));
    assertThat(TemplateRestorer.aheadName(owner)).isEqualTo("shop_db__hop_next");
    assertThat(TemplateRestorer.aheadName(longOwner)).hasSize(63).endsWith("__hop_next");
    assertThat(TemplateRestorer.templateVersion(longOwner, TemplateRestorer.aheadName(longOwner))).isEmpty();
  }

  @Test
  void refusesToDropADatabaseHopDidNotCreate() throws Exception {
    try (Connection m = devTarget.maintenance().connect()) {
      m.createStatement().execute("CREATE DATABASE " + dev.name());
    }
    assertThatThrownBy(() -> restorer.restore(devTarget, V1, schema, metadataInserts))
        .isInstanceOfSatisfying(DatabaseRefusedException.class, e -> {
          assertThat(e.reason()).isEqualTo(DatabaseRefusedException.Reason.NOT_MARKED_FOR_DEVELOPMENT);
          assertThat(e.database()).isEqualTo(dev.name());
          assertThat(e.getMessage()).contains(dev.name()).contains(devTarget.server());
        });
    try (Connection m = devTarget.maintenance().connect()) {
      assertThat(new DatabaseServer(devTarget, CommandHints.NEUTRAL).exists(m, dev.name())).isTrue();
    }
  }

  @Test
  void installsTheMetadataSchemaWhenTheSnapshotLacksIt() throws Exception {
    byte[] bare = "CREATE TABLE public.t (id int);\n".getBytes(StandardCharsets.UTF_8);
    byte[] rows = ("\\restrict abc\nINSERT INTO half_orm_meta.hop_release (major, minor, patch)"
        + " VALUES (0, 0, 0);\n\\unrestrict abc\n").getBytes(StandardCharsets.UTF_8);
    restorer.restore(devTarget, V1, bare, rows);
    try (Connection c = dev.connect()) {
      assertThat(new MetadataSchema().currentRelease(c)).contains(DatabaseRelease.production(Version.ZERO));
    }
  }
}
