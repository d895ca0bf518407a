package dev.hop.bench;

import dev.hop.core.base.Secret;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The databases of one run: unused names under a random prefix, every one dropped at the end. */
final class RestoreDatabases {
  private final TestPostgres server;
  private final String prefix;
  private final List<String> names = new ArrayList<>();

  RestoreDatabases(TestPostgres server) {
    this.server = server;
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    this.prefix = "bench_restore_" + HexFormat.of().formatHex(random) + "_";
  }

  /** A target for a database not created yet, {@code <prefix><role>_<n>}, remembered for the final drop. */
  DatabaseTarget next(String role) {
    String name = prefix + role + "_" + names.size();
    add(name);
    return new DatabaseTarget(server.jdbcUrl(name), Optional.of(server.user()), Secret.of(server.password()));
  }

  void add(String name) {
    names.add(name);
  }

  /** Drops {@code name} now; returns how long the drop took. */
  Duration drop(String name) throws SQLException {
    try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
      long start = System.nanoTime();
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** Drops every database of the run that exists still; returns how many names it went through. */
  int dropAll() {
    new ServerDatabases(server).dropEach(names);
    return names.size();
  }
}
