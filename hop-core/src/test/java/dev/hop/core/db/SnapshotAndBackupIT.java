package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Takes schema and metadata snapshots and backups with the real pg_dump/pg_restore. */
@WithPostgres
class SnapshotAndBackupIT {

  private static Path pgDump;
  private static Path pgRestore;

  @BeforeAll
  static void tools(TestDatabase db) throws Exception {
    Dumps.createProduction(db);
    ServerVersion server;
    try (Connection c = db.connect()) {
      server = ServerVersion.of(c);
    }
    PgTools tools = PgTools.of(Optional.empty());
    pgDump = tools.locate("pg_dump", server.major(), server.text());
    pgRestore = tools.locate("pg_restore", server.major(), server.text());
  }

  @Test
  void schemaSnapshotIsStableAcrossTwoDumps(TestDatabase db) throws Exception {
    SchemaSnapshot snapshot = new SchemaSnapshot(pgDump);
    byte[] first = snapshot.schema(Targets.of(db));
    byte[] second = snapshot.schema(Targets.of(db));
    assertThat(second).isEqualTo(first);
    String text = new String(first, StandardCharsets.UTF_8);
    assertThat(text).contains("CREATE TABLE shop.customer").contains("CREATE TABLE half_orm_meta.hop_release")
        .doesNotContain("Dumped from").doesNotContain("\\restrict").doesNotContain("not in the schema snapshot");
  }

  @Test
  void metadataSnapshotHoldsTheReleaseRowsAsInserts(TestDatabase db) throws Exception {
    SchemaSnapshot snapshot = new SchemaSnapshot(pgDump);
    byte[] first = snapshot.metadata(Targets.of(db));
    assertThat(snapshot.metadata(Targets.of(db))).isEqualTo(first);
    String text = new String(first, StandardCharsets.UTF_8);
    assertThat(text).contains("INSERT INTO half_orm_meta.hop_release").contains("first; release")
        .doesNotContain("shop.customer").doesNotContain("COPY ");
  }

  @Test
  void backupIsOwnerOnlyAndRestoreBringsBackDeletedRows(TestDatabase db, @TempDir Path dir) throws Exception {
    Backup backup = new Backup(pgDump, pgRestore, Clock.systemUTC());
    Path file = backup.create(Targets.of(db), dir.resolve("backups"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.size(file)).isPositive();
    try (Connection c = db.connect()) {
      c.createStatement().execute("DELETE FROM shop.customer; DELETE FROM half_orm_meta.hop_release");
      assertThat(count(c, "shop.customer")).isZero();
    }
    backup.restore(Targets.of(db), file);
    try (Connection c = db.connect()) {
      assertThat(count(c, "shop.customer")).isEqualTo(1);
      assertThat(count(c, "half_orm_meta.hop_release")).isEqualTo(1);
    }
  }

  private static int count(Connection c, String table) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
