package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs SQL files on the real server: multi-statement files, dollar bodies, error positions, meta-commands. */
@WithPostgres
class SqlScriptRunnerIT {

  private final SqlScriptRunner runner = new SqlScriptRunner("hop patch-apply");
  private Connection c;

  @BeforeEach
  void connect(TestDatabase db) throws Exception {
    c = db.connect(db.createSchema("runner"));
    c.setAutoCommit(false);
  }

  @AfterEach
  void close() throws Exception {
    c.rollback();
    c.close();
  }

  @Test
  void runsMultiStatementFilesWithDollarBodies() throws Exception {
    String sql = """
        CREATE TABLE person (id int PRIMARY KEY, name text);
        CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
          RETURN upper(t) || '!'; -- a ; inside the body
        END;
        $$;
        CREATE FUNCTION tagged() RETURNS text LANGUAGE sql AS $fn$ SELECT 'a;b' $fn$;
        INSERT INTO person VALUES (1, E'O\\'Hara'), (2, 'it''s');
        """;
    assertThat(runner.run(c, "01-init.sql", sql)).isEqualTo(4);
    try (ResultSet rs = c.createStatement().executeQuery(
        "SELECT shout(name) || tagged() FROM person ORDER BY id")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("O'HARA!a;b");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("IT'S!a;b");
    }
  }

  @Test
  void anExtensionTheServerLacksIsNamedAsSuch() {
    String sql = "CREATE TABLE a (id int);\nCREATE EXTENSION IF NOT EXISTS hop_no_such_extension WITH SCHEMA public;\n";

    assertThatThrownBy(() -> runner.run(c, "01-ext.sql", sql)).isInstanceOfSatisfying(PatchScriptException.class,
        e -> assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.MISSING_EXTENSION))
        .hasMessageStartingWith("01-ext.sql:2:1: ").hasMessageContaining("hop_no_such_extension")
        .hasMessageEndingWith("The extension is not installed on this PostgreSQL server: install it there (the"
            + " embedded development server has PostgreSQL's contrib modules only; for another extension, work on a"
            + " server that has it, with -Dhop.url=…), then run hop patch-apply");
  }

  @Test
  void errorInThirdStatementNamesFileLineAndColumn() {
    String sql = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nINSERT INTO b\n  SELECT nope FROM a;\n";
    assertThatThrownBy(() -> runner.run(c, "Patches/1-x/02-b.sql", sql))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> {
          assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.SQL_ERROR);
          assertThat(e.position()).isEqualTo("Patches/1-x/02-b.sql:4:10");
          assertThat(e.sqlState()).contains("42703");
          assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("nope"));
          assertThat(e.getMessage()).startsWith("Patches/1-x/02-b.sql:4:10: column \"nope\" does not exist")
              .endsWith("then run hop patch-apply");
        });
  }

  @Test
  void errorInFortiethStatementNamesFileLineAndColumn() {
    String good = IntStream.rangeClosed(1, 39)
        .mapToObj(i -> "/* statement " + i + " */ CREATE TABLE t" + i + " (id int);")
        .collect(Collectors.joining("\n"));
    String sql = good + "\n-- the bad one:\nSELECT 'é' AS accent, 1 +\n      'x'::int;\nSELECT 41;";
    assertThatThrownBy(() -> runner.run(c, "big.sql", sql))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> {
          assertThat(e.line()).isEqualTo(42);
          assertThat(e.column()).isEqualTo(7);
          assertThat(e.sqlState()).contains("22P02");
        });
  }

  @Test
  void syntaxErrorPointsAtTheToken() {
    assertThatThrownBy(() -> runner.run(c, "s.sql", "SELECT 1;\nSELEC 2;"))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> assertThat(e.position()).isEqualTo("s.sql:2:1"));
  }

  @Test
  void refusesMetaCommandsWithFileAndLine() throws Exception {
    assertThatThrownBy(() -> runner.run(c, "m.sql", "CREATE TABLE m (id int);\n\\set ON_ERROR_STOP on\n"))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> {
          assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.META_COMMAND);
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("\\set").contains("m.sql:2:1");
        });
  }

  @Test
  void concurrentIndexInATransactionAsksForTheMarker() throws Exception {
    runner.run(c, "t.sql", "CREATE TABLE ci (id int);");
    assertThatThrownBy(() -> runner.run(c, "idx.sql", "CREATE INDEX CONCURRENTLY ci_id ON ci (id);"))
        .isInstanceOfSatisfying(PatchScriptException.class, e -> {
          assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.NEEDS_NO_TRANSACTION);
          assertThat(e.sqlState()).contains("25001");
          assertThat(e.getMessage()).contains("-- hop:no-transaction").contains("idx.sql");
        });
  }
}
