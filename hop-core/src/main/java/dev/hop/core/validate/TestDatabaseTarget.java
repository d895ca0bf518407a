package dev.hop.core.validate;

import dev.hop.core.base.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * The database a test run works on; tests see it as {@code hop.url}/{@code hop.user} and as the
 * environment variables {@code HOP_URL}/{@code HOP_USER}/{@code HOP_PASSWORD} (the password never on a
 * command line).
 */
public record TestDatabaseTarget(String jdbcUrl, Optional<String> user, Secret password) {
  public TestDatabaseTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }
}
