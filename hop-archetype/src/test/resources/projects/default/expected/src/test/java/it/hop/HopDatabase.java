package it.hop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a JDBC connection to the database the tests run against, named by the system properties
 * {@code hop.url}, {@code hop.user} and {@code hop.password} (Surefire passes them from the build), else by
 * the environment variables {@code HOP_URL}, {@code HOP_USER} and {@code HOP_PASSWORD} (how hop hands the
 * validation database to the tests, keeping the password off command lines).
 */
public final class HopDatabase {

  private HopDatabase() {
  }

  /** A new connection; the caller closes it. */
  public static Connection connect() throws SQLException {
    String url = property("hop.url");
    if (url == null) {
      throw new IllegalStateException("No database for the tests: hop.url is not set. Run the tests with"
          + " mvn test -Dhop.url=jdbc:postgresql://localhost:5432/shop_db (and -Dhop.user, -Dhop.password),"
          + " or let hop run them: mvn hop:patch-add -Did=<patch id>");
    }
    Properties credentials = new Properties();
    String user = property("hop.user");
    if (user != null) {
      credentials.setProperty("user", user);
    }
    String password = property("hop.password");
    if (password != null) {
      credentials.setProperty("password", password);
    }
    try {
      return DriverManager.getConnection(url, credentials);
    } catch (SQLException e) {
      throw new SQLException("Cannot connect to the test database " + url
          + (user == null ? "" : " as " + user) + ": " + e.getMessage()
          + ". Is the server running? Bring the development database up to date with mvn hop:patch-apply.",
          e.getSQLState(), e);
    }
  }

  /**
   * The system property {@code name}, else the environment variable of the same name in upper case with
   * '_' for '.'; null when both are absent, blank or an unresolved Maven expression.
   */
  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || value.startsWith("$" + "{")) {
      value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
