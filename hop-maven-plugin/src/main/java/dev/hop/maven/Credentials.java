package dev.hop.maven;

import java.util.Map;
import java.util.Optional;

/**
 * A user name and a clear password, either of which may be absent; never printed.
 *
 * @param username the user name
 * @param password the password in clear
 */
record Credentials(Optional<String> username, Optional<String> password) {
  /** The environment variable giving the database user when neither hop.user nor a server does (CI secrets). */
  static final String USER_VARIABLE = "HOP_USER";
  /** The environment variable giving the database password when neither hop.password nor a server does. */
  static final String PASSWORD_VARIABLE = "HOP_PASSWORD";

  /** These credentials, each part that is absent taken from {@code fallback}. */
  Credentials or(Credentials fallback) {
    return new Credentials(username.or(fallback::username), password.or(fallback::password));
  }

  /** The database credentials of {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE} in {@code environment}. */
  static Credentials ofDatabaseVariables(Map<String, String> environment) {
    return new Credentials(nonBlank(environment.get(USER_VARIABLE)), nonBlank(environment.get(PASSWORD_VARIABLE)));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username.orElse("") + ", password=" + (password.isPresent() ? "****" : "") + "]";
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
