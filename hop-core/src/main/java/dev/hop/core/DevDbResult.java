package dev.hop.core;

import dev.hop.core.base.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code dev-db} made sure of: where the development database is and whether it had to be created.
 *
 * @param url its JDBC URL (no credentials)
 * @param user the user to connect as, empty for the driver's default
 * @param embedded whether it lives on the project's embedded server
 * @param password the password to connect with (none for the driver's default), never logged
 * @param createdAt the production version it was created at, empty when it already existed
 */
public record DevDbResult(String url, Optional<String> user, Secret password, boolean embedded,
    Optional<String> createdAt) {
  public DevDbResult {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
