package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.HopEvents;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures code generation for 300 tables of 10 columns (schema read and file writing included) against issue 5's
 * target of 0.4× jOOQ's 5.7 s: a first generation, a regeneration on an unchanged schema, and one after a column
 * changed. Not a timed test: the name escapes Surefire's default includes; run it with
 * {@code mvn -pl hop-core verify -Dtest=CodegenBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@WithPostgres
class CodegenBench {

  private static final int TABLES = 300;
  private static final int VIEWS = 5;
  private static final int ROUNDS = 7;

  @TempDir
  Path dir;

  @Test
  void generateRegenerateAndChangeOneColumn(TestDatabase database) throws Exception {
    try (Connection c = database.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA bench; CREATE TYPE bench.state AS ENUM ('new', 'paid', 'sent', 'lost')");
      for (int i = 0; i < TABLES; i++) {
        s.execute("CREATE TABLE bench.t" + i + " (id bigint PRIMARY KEY, name text NOT NULL, qty int4 DEFAULT 1,"
            + " price numeric(10,2), done bool, at timestamptz DEFAULT now(), day date, tags text[],"
            + " state bench.state, ref bigint" + (i % 3 == 1 ? " REFERENCES bench.t" + (i - 1) : "") + ")");
        s.execute("COMMENT ON TABLE bench.t" + i + " IS 'Table number " + i + ".'");
      }
      for (int i = 0; i < VIEWS; i++) {
        s.execute("CREATE VIEW bench.v" + i + " AS SELECT id, name, price FROM bench.t" + i + " WHERE done");
      }
    }
    int files = TABLES + VIEWS;
    generate(database, dir.resolve("warm-up"));

    List<Long> first = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      CodegenResult result = generate(database, dir.resolve("first-" + round));
      first.add(System.nanoTime() - t0);
      assertThat(result.written()).hasSize(2 * files + 1);
    }
    Path project = dir.resolve("first-0");
    List<Long> unchanged = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      CodegenResult result = generate(database, project);
      unchanged.add(System.nanoTime() - t0);
      assertThat(result.written()).isEmpty();
    }
    List<Long> oneColumn = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      try (Connection c = database.connect(); Statement s = c.createStatement()) {
        s.execute("ALTER TABLE bench.t7 ALTER COLUMN qty TYPE " + (round % 2 == 0 ? "int8" : "int4"));
      }
      long t0 = System.nanoTime();
      CodegenResult result = generate(database, project);
      oneColumn.add(System.nanoTime() - t0);
      assertThat(result.written()).hasSize(1);
    }
    System.out.printf("hop bench: codegen of %d tables + %d views, %d rounds (median / min / max):%n"
        + "  first generation   %s%n  unchanged schema   %s%n  one column changed %s%n"
        + "  target: first generation <= 0.4 x jOOQ's 5.7 s = 2280 ms%n", TABLES, VIEWS, ROUNDS, stats(first),
        stats(unchanged), stats(oneColumn));
  }

  private static CodegenResult generate(TestDatabase database, Path project) throws Exception {
    try (Connection c = database.connect()) {
      return new CodeGenerator(project, "bench.db", HopEvents.NONE).generate(new SchemaReader().read(c));
    }
  }

  private static String stats(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format("%7.0f ms / %7.0f ms / %7.0f ms", sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
