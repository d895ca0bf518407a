package dev.hop.core.db;

import dev.hop.core.base.Secret;
import dev.hop.core.testing.TestDatabase;
import java.util.Optional;

/** Builds the {@link DatabaseTarget} of a test database. */
final class Targets {

  private Targets() {
  }

  static DatabaseTarget of(TestDatabase db) {
    return new DatabaseTarget(db.jdbcUrl(), Optional.of(db.user()), Secret.of(db.password()));
  }
}
