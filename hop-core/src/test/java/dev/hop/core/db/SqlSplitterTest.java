package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks how SQL files are cut into statements and meta-commands. */
class SqlSplitterTest {

  @Test
  void cutsOnSemicolonsOutsideQuotesCommentsAndBodies() {
    String sql = """
        -- a comment; with a semicolon
        CREATE TABLE t (a text DEFAULT 'x;y', "b;c" int); /* block ; /* nested ; */ still ; */
        INSERT INTO t VALUES (E'it\\'s;', 1);
        CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
        CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;$$;b' $body$;
        SELECT 'it''s;' , a$b FROM t
        """;
    assertThat(texts(sql)).containsExactly(
        "CREATE TABLE t (a text DEFAULT 'x;y', \"b;c\" int)",
        "INSERT INTO t VALUES (E'it\\'s;', 1)",
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$",
        "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;$$;b' $body$",
        "SELECT 'it''s;' , a$b FROM t");
  }

  @Test
  void keepsTheSemicolonsOfASqlStandardRoutineBody() {
    String sql = """
        CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
        BEGIN ATOMIC
          SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
          SELECT a + 1;
        END;
        create or replace procedure p() begin atomic insert into t values (1); end;
        CREATE PROCEDURE q() BEGIN ATOMIC SELECT 1; END;
        BEGIN;
        SELECT 'end';
        CREATE TABLE t2 (a int CHECK (CASE WHEN a > 0 THEN true ELSE false END)); COMMIT;
        """;
    assertThat(texts(sql)).containsExactly(
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n"
            + "  SELECT a + 1;\nEND",
        "create or replace procedure p() begin atomic insert into t values (1); end",
        "CREATE PROCEDURE q() BEGIN ATOMIC SELECT 1; END",
        "BEGIN",
        "SELECT 'end'",
        "CREATE TABLE t2 (a int CHECK (CASE WHEN a > 0 THEN true ELSE false END))",
        "COMMIT");
  }

  @Test
  void readsTheWordsOfRoutinesOnly() {
    String sql = """
        CREATE TABLE begin (a int); SELECT 1;
        Create Or Replace View case_end AS SELECT 'begin' AS "begin"; SELECT 2;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; SELECT 3;
        CREATE OR REPLACE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION begin(); SELECT 4;
        """;
    assertThat(texts(sql)).containsExactly(
        "CREATE TABLE begin (a int)", "SELECT 1",
        "Create Or Replace View case_end AS SELECT 'begin' AS \"begin\"", "SELECT 2",
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "SELECT 3",
        "CREATE OR REPLACE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION begin()", "SELECT 4");
  }

  @Test
  void standardStringsDoNotEscapeWithBackslash() {
    assertThat(texts("SELECT 'a\\'; SELECT 2;")).containsExactly("SELECT 'a\\'", "SELECT 2");
  }

  @Test
  void parenthesesKeepTheirSemicolons() {
    assertThat(texts("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b); SELECT 1"))
        .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)", "SELECT 1");
  }

  @Test
  void reportsMetaCommandsWithTheirLine() {
    SqlSplitter s = new SqlSplitter("SELECT 1;\n\n  \\i other.sql\nSELECT 2;");
    assertThat(s.next().kind()).isEqualTo(SqlChunk.Kind.STATEMENT);
    SqlChunk meta = s.next();
    assertThat(meta.kind()).isEqualTo(SqlChunk.Kind.META_COMMAND);
    assertThat(meta.text()).isEqualTo("\\i other.sql");
    assertThat(meta.line()).isEqualTo(3);
    assertThat(meta.column()).isEqualTo(3);
  }

  @Test
  void givesEachStatementItsLineAndColumn() {
    SqlSplitter s = new SqlSplitter("SELECT 1;  SELECT 2;\n  /* c */ SELECT 3;");
    s.next();
    SqlChunk second = s.next();
    assertThat(second.line()).isEqualTo(1);
    assertThat(second.column()).isEqualTo(12);
    SqlChunk third = s.next();
    assertThat(third.line()).isEqualTo(2);
    assertThat(third.column()).isEqualTo(11);
    assertThat(s.next()).isNull();
  }

  @Test
  void readsCopyDataBlocks() {
    SqlSplitter s = new SqlSplitter("COPY t (a) FROM stdin;\n1\\tx;y\n2\n\\.\nSELECT 1;\n");
    assertThat(s.next().text()).isEqualTo("COPY t (a) FROM stdin");
    assertThat(s.copyData()).isEqualTo("1\\tx;y\n2\n");
    assertThat(s.next().text()).isEqualTo("SELECT 1");
    assertThat(s.next()).isNull();
  }

  @Test
  void countsTheLinesOfCopyDataAndCommentsBetweenChunks() {
    SqlSplitter s = new SqlSplitter("COPY t (a) FROM stdin;\n1\n2\n\\.\n-- a\n-- b\n\n  SELECT 1;\n\\x\nSELECT\n2;");
    s.next();
    s.copyData();
    SqlChunk select = s.next();
    assertThat(select.line()).isEqualTo(8);
    assertThat(select.column()).isEqualTo(3);
    assertThat(s.next().line()).isEqualTo(9);
    assertThat(s.next().line()).isEqualTo(10);
  }

  @Test
  void commentsAndEmptyStatementsYieldNothing() {
    assertThat(texts("-- only\n/* a comment */ ;;\n")).isEmpty();
  }

  private static List<String> texts(String sql) {
    SqlSplitter s = new SqlSplitter(sql);
    List<String> out = new ArrayList<>();
    for (SqlChunk c = s.next(); c != null; c = s.next()) {
      out.add(c.text());
    }
    return out;
  }
}
