package dev.hop.core.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.PatchId;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applies patches on the real server: order, rollback, the no-transaction marker and Java scripts. */
@WithPostgres
class PatchExecutorIT {

  private final List<HopEvent> events = new ArrayList<>();
  private PatchExecutor executor;
  private Connection c;

  @BeforeEach
  void connect(TestDatabase db) throws Exception {
    executor = new PatchExecutor(Targets.of(db), events::add, "hop patch-apply");
    c = db.connect();
    c.createStatement().execute("DROP SCHEMA IF EXISTS p CASCADE; DROP SCHEMA IF EXISTS half_orm_meta CASCADE;"
        + " DROP SCHEMA IF EXISTS \"half_orm_meta.view\" CASCADE; CREATE SCHEMA p");
    new MetadataSchema().install(c);
    c.setAutoCommit(false);
  }

  @AfterEach
  void close() throws Exception {
    c.rollback();
    c.close();
  }

  @Test
  void runsScriptsInCaseInsensitiveNameOrderAndRecordsThem() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("b.sql", bytes("INSERT INTO p.log VALUES ('b');"));
    files.put("README.md", bytes("# not SQL at all;"));
    files.put("A.sql", bytes("CREATE TABLE p.log (step text); INSERT INTO p.log VALUES ('A');"));
    files.put("C.SQL", bytes("INSERT INTO p.log VALUES ('C');"));
    files.put("notes.txt", bytes("garbage"));
    files.put("sub/0-first.sql", bytes("garbage"));
    PatchRun run = executor.apply(c, "1.0.0-rc1", PatchId.of("7-order"), files, Optional.empty());
    c.commit();
    assertThat(run.scripts()).containsExactly("A.sql", "b.sql", "C.SQL");
    assertThat(run.transactional()).isTrue();
    assertThat(column("SELECT step FROM p.log")).containsExactly("A", "b", "C");
    assertThat(column("SELECT file FROM half_orm_meta.hop_applied_patch WHERE patch_id = '7-order' ORDER BY id"))
        .containsExactly("A.sql", "b.sql", "C.SQL");
    assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith("Applied patch 7-order: 3 scripts in "));
  }

  @Test
  void aFailedRunRollsBackToTheSameCatalog() throws Exception {
    c.commit();
    String before = CatalogFingerprint.of(c);
    Map<String, byte[]> files = Map.of(
        "01.sql", bytes("CREATE TABLE p.kept (id int); CREATE FUNCTION p.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;"),
        "02.sql", bytes("ALTER TABLE p.kept ADD COLUMN x int;\nALTER TABLE p.missing ADD COLUMN y int;"));
    assertThatThrownBy(() -> executor.apply(c, "1.0.0", PatchId.of("8"), files, Optional.empty()))
        .isInstanceOfSatisfying(PatchScriptException.class,
            e -> assertThat(e.position()).isEqualTo("Patches/8/02.sql:2:1"));
    c.rollback();
    assertThat(CatalogFingerprint.of(c)).isEqualTo(before);
  }

  @Test
  void noTransactionFileRunsAloneInAutocommit() throws Exception {
    Map<String, byte[]> files = Map.of(
        "01-table.sql", bytes("CREATE TABLE p.big (id int);"),
        "02-index.sql", bytes("-- hop:no-transaction\nCREATE INDEX CONCURRENTLY big_id ON p.big (id);"));
    PatchRun run = executor.apply(c, "1.0.0", PatchId.of("9-index"), files, Optional.empty());
    assertThat(run.transactional()).isFalse();
    assertThat(c.getAutoCommit()).isFalse();
    c.rollback();
    assertThat(column("SELECT indexname FROM pg_indexes WHERE schemaname = 'p'")).containsExactly("big_id");
    // the record of the script committed before the no-transaction file was committed with it
    assertThat(column("SELECT file FROM half_orm_meta.hop_applied_patch WHERE patch_id = '9-index' ORDER BY id"))
        .containsExactly("01-table.sql");
    assertThat(events).anySatisfy(e -> {
      assertThat(e.level()).isEqualTo(HopEvent.Level.WARN);
      assertThat(e.message()).contains("not transactional from 02-index.sql");
    });
  }

  @Test
  void recordsThatWaitForFlushAreSentAtOnceOrBeforeAScriptCommitsTheWork() throws Exception {
    executor.recordsWaitForFlush();
    executor.apply(c, "1.0.0", PatchId.of("12-a"), Map.of("01.sql", bytes("CREATE TABLE p.a (id int);")),
        Optional.empty());
    executor.apply(c, "1.0.0", PatchId.of("13-b"), Map.of("01.sql", bytes("CREATE TABLE p.b (id int);")),
        Optional.empty());
    assertThat(column("SELECT patch_id FROM half_orm_meta.hop_applied_patch")).isEmpty();

    executor.flush(c);
    assertThat(column("SELECT patch_id FROM half_orm_meta.hop_applied_patch ORDER BY id"))
        .containsExactly("12-a", "13-b");

    executor.apply(c, "1.0.0", PatchId.of("14-c"), Map.of("01.sql", bytes("CREATE TABLE p.c (id int);")),
        Optional.empty());
    executor.apply(c, "1.0.0", PatchId.of("15-d"), Map.of(
        "01.sql", bytes("CREATE TABLE p.d (id int);"),
        "02.sql", bytes("-- hop:no-transaction\nCREATE INDEX CONCURRENTLY d_id ON p.d (id);")), Optional.empty());
    c.rollback();
    // committed before the no-transaction file: every record kept until then, 14-c's included
    assertThat(column("SELECT patch_id || '/' || file FROM half_orm_meta.hop_applied_patch ORDER BY id"))
        .containsExactly("12-a/01.sql", "13-b/01.sql", "14-c/01.sql", "15-d/01.sql");
  }

  @Test
  void aFailedPatchLeavesNoRecordWaitingForTheNextFlush() throws Exception {
    executor.recordsWaitForFlush();
    assertThatThrownBy(() -> executor.apply(c, "1.0.0", PatchId.of("16-bad"), Map.of(
        "01.sql", bytes("CREATE TABLE p.e (id int);"),
        "02.sql", bytes("ALTER TABLE p.missing ADD COLUMN y int;")), Optional.empty()))
        .isInstanceOf(PatchScriptException.class);
    c.rollback();
    executor.flush(c);
    assertThat(column("SELECT patch_id FROM half_orm_meta.hop_applied_patch")).isEmpty();
  }

  @Test
  void inAutocommitEachScriptIsRecordedAsItCommits() throws Exception {
    c.commit();
    c.setAutoCommit(true);
    Map<String, byte[]> files = Map.of(
        "01-table.sql", bytes("CREATE TABLE p.done (id int);"),
        "02-fail.sql", bytes("ALTER TABLE p.missing ADD COLUMN y int;"));
    assertThatThrownBy(() -> executor.apply(c, "1.0.0", PatchId.of("11-auto"), files, Optional.empty()))
        .isInstanceOf(PatchScriptException.class);
    assertThat(column("SELECT file FROM half_orm_meta.hop_applied_patch WHERE patch_id = '11-auto' ORDER BY id"))
        .containsExactly("01-table.sql");
    c.setAutoCommit(false);
  }

  @Test
  void javaScriptInsertsThroughHopUrl() throws Exception {
    c.createStatement().execute("CREATE TABLE p.visit (who text)");
    String program = """
        import java.sql.*;
        public class Insert {
          public static void main(String[] args) throws Exception {
            String data = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("data/who.txt"))).strip();
            try (Connection c = DriverManager.getConnection(System.getenv("HOP_URL"), System.getenv("HOP_USER"),
                System.getenv("HOP_PASSWORD"))) {
              c.createStatement().execute("INSERT INTO p.visit VALUES ('" + data + "')");
            }
            System.out.println("inserted " + data);
          }
        }
        """;
    Map<String, byte[]> files = Map.of("01-insert.java", bytes(program), "data/who.txt", bytes("java\n"));
    PatchRun run = executor.apply(c, "1.0.0", PatchId.of("10-java"), files, Optional.empty());
    c.commit();
    assertThat(run.transactional()).isFalse();
    assertThat(column("SELECT who FROM p.visit")).containsExactly("java");
    assertThat(events).anySatisfy(e -> assertThat(e.message()).isEqualTo("01-insert.java: inserted java"));
  }

  @Test
  void failingJavaScriptReportsTheTailOfStderr(@TempDir Path folder) throws Exception {
    String program = "public class Fail { public static void main(String[] a) {"
        + " System.err.println(\"boom: \" + System.getProperty(\"user.dir\")); System.exit(3); } }";
    Files.writeString(folder.resolve("01-fail.java"), program);
    assertThatThrownBy(() -> executor.apply(c, "1.0.0", PatchId.of("11"),
        Map.of("01-fail.java", bytes(program)), Optional.of(folder)))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> {
          assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.JAVA_FAILED);
          assertThat(e.getMessage()).contains("exit status 3").contains("boom: " + folder);
        });
  }

  private List<String> column(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
