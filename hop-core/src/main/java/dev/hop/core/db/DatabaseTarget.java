package dev.hop.core.db;

import dev.hop.core.base.Secret;
import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One database on one PostgreSQL server, reached from typed values (JDBC URL, user, password): it opens
 * connections to itself and to the same server's other databases, and hands the credentials to forked
 * tools through the environment only.
 *
 * @param url a {@code jdbc:postgresql://host[:port]/database[?params]} URL
 * @param user the user, empty for the URL's or the driver's default
 * @param password the password, never logged
 */
public record DatabaseTarget(String url, Optional<String> user, Secret password) {

  /** The database PostgreSQL always has, used to create and drop the others. */
  public static final String MAINTENANCE_DATABASE = "postgres";
  private static final String APPLICATION_NAME = "hop";
  private static final Pattern URL =
      Pattern.compile("jdbc:postgresql://([^/?#]+)/([^?#]+)(\\?[^#]*)?");

  public DatabaseTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!URL.matcher(url).matches()) {
      throw new IllegalArgumentException("Not a jdbc:postgresql://host[:port]/database URL: " + url);
    }
    if (host(url).contains(",")) {
      throw new IllegalArgumentException("Multi-host JDBC URLs are not supported: " + url);
    }
  }

  /** The database's name, from the URL. */
  public String database() {
    return matcher(url).group(2);
  }

  /** The same server and credentials, another database. */
  public DatabaseTarget withDatabase(String database) {
    Matcher m = matcher(url);
    String query = m.group(3) == null ? "" : m.group(3);
    return new DatabaseTarget("jdbc:postgresql://" + m.group(1) + "/" + database + query, user, password);
  }

  /** The same server's maintenance database ({@value #MAINTENANCE_DATABASE}), for create and drop. */
  public DatabaseTarget maintenance() {
    return withDatabase(MAINTENANCE_DATABASE);
  }

  /** Opens a connection (autocommit on, application name {@code hop}); the caller closes it. */
  public Connection connect() throws DatabaseException {
    Properties login = new Properties();
    user.ifPresent(u -> login.setProperty("user", u));
    if (password.isPresent()) {
      login.setProperty("password", password.reveal());
    }
    login.setProperty("ApplicationName", APPLICATION_NAME);
    // every server hop supports is 9.0 or later: the driver then sends the application name (and its float settings)
    // with the start-up message instead of a SET after it, one round trip less per connection, which a fleet of
    // databases pays once per database
    if (!url.contains("assumeMinServerVersion")) {
      login.setProperty("assumeMinServerVersion", "9.0");
    }
    try {
      return DriverManager.getConnection(url, login);
    } catch (SQLException e) {
      throw DatabaseException.of("connect", database(), describe(), e);
    }
  }

  /**
   * The libpq variables that point a forked client ({@code pg_dump}, {@code psql}) at this database:
   * PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD when set, PGSSLMODE when the URL has sslmode.
   */
  public Map<String, String> libpqEnvironment() {
    Properties parsed = org.postgresql.Driver.parseURL(url, null);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PGHOST", stripBrackets(parsed.getProperty("PGHOST")));
    env.put("PGPORT", parsed.getProperty("PGPORT"));
    env.put("PGDATABASE", database());
    Optional.ofNullable(user.orElse(parsed.getProperty("user"))).ifPresent(u -> env.put("PGUSER", u));
    if (password.isPresent()) {
      env.put("PGPASSWORD", password.reveal());
    } else if (parsed.getProperty("password") != null) {
      env.put("PGPASSWORD", parsed.getProperty("password"));
    }
    Optional.ofNullable(parsed.getProperty("sslmode")).ifPresent(mode -> env.put("PGSSLMODE", mode));
    return env;
  }

  /** Names the server for messages: {@code user@host:port} (never the password). */
  public String server() {
    return user.map(u -> u + "@").orElse("") + host(url);
  }

  /** Names the database for messages: {@code user@host:port/database}. */
  public String describe() {
    return server() + "/" + database();
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + describe() + "]";
  }

  private static String host(String url) {
    return matcher(url).group(1);
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static Matcher matcher(String url) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(url);
    }
    return m;
  }
}
