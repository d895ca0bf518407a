package dev.hop.core.db;

import dev.hop.core.testing.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system pg_dump on a test database and returns its output, for tests that need real dumps. */
final class Dumps {

  static final String PG_DUMP = "/usr/bin/pg_dump";

  private Dumps() {
  }

  static byte[] dump(TestDatabase db, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PG_DUMP, "--no-owner", "--no-privileges"));
    command.addAll(List.of(options));
    Process p = db.processBuilder(command.toArray(String[]::new)).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("pg_dump failed: " + err);
    }
    return out;
  }

  /** A small production-like schema: tables, a view, a function with a dollar body, metadata at 1.0.0. */
  static void createProduction(TestDatabase db) throws Exception {
    try (var c = db.connect(); var s = c.createStatement()) {
      s.execute("""
          CREATE SCHEMA shop;
          CREATE TABLE shop.customer (id serial PRIMARY KEY, name text NOT NULL UNIQUE, since date);
          CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer int REFERENCES shop.customer, total numeric(10,2) CHECK (total >= 0));
          CREATE INDEX orders_customer ON shop.orders (customer);
          CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 100;
          CREATE FUNCTION shop.greet(n text) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN RETURN 'hello; ' || n; END; $$;
          INSERT INTO shop.customer (name) VALUES ('not in the schema snapshot');
          """);
      MetadataSchema m = new MetadataSchema();
      m.install(c);
      m.recordRelease(c, DatabaseRelease.production(new dev.hop.core.release.Version(1, 0, 0)),
          "first; release", "c0ffee");
    }
  }
}
