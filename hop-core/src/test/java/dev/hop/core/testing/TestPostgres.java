package dev.hop.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares one PostgreSQL server per JVM among tests: the server named by {@value #URL_VARIABLE}, else an embedded one.
 *
 * <p>The server starts on first use of {@link #get()} and an embedded one stops in a shutdown hook. If no server
 * can be had, {@link #get()} throws with the reason, every time: tests fail, they are never skipped.
 */
public final class TestPostgres {

  /** Environment variable naming an external server, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. */
  public static final String URL_VARIABLE = "HOP_TEST_JDBC_URL";
  /** Environment variable with the user for {@value #URL_VARIABLE} (default: the URL's, else postgres). */
  public static final String USER_VARIABLE = "HOP_TEST_USER";
  /** Environment variable with the password for {@value #URL_VARIABLE} (default: the URL's, else none). */
  public static final String PASSWORD_VARIABLE = "HOP_TEST_PASSWORD";

  private static final String LOOPBACK = "127.0.0.1";
  private static final int MAX_PREFIX = 40;
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static TestPostgres instance;
  private static IllegalStateException failure;

  private final ServerCoordinates coordinates;
  private final boolean embedded;

  private TestPostgres(ServerCoordinates coordinates, boolean embedded) {
    this.coordinates = coordinates;
    this.embedded = embedded;
  }

  /** Returns the shared server, starting it on first call; throws the same reason on every call if it can't. */
  public static synchronized TestPostgres get() {
    if (instance == null && failure == null) {
      try {
        String url = System.getenv(URL_VARIABLE);
        instance = url == null || url.isBlank() ? startEmbedded() : external(url.trim());
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return instance;
  }

  private static TestPostgres external(String url) {
    ServerCoordinates coordinates;
    try {
      coordinates = ServerCoordinates.fromJdbcUrl(url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
    } catch (RuntimeException e) {
      throw new IllegalStateException(URL_VARIABLE + " is not usable: " + e.getMessage(), e);
    }
    TestPostgres server = new TestPostgres(coordinates, false);
    try (Connection ignored = server.maintenance()) {
      return server;
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL named by " + URL_VARIABLE + " (" + coordinates.describe()
          + ") does not answer: " + e.getMessage() + "; fix it or unset " + URL_VARIABLE
          + " to use the embedded server", e);
    }
  }

  private static TestPostgres startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setServerConfig("listen_addresses", LOOPBACK)
          .setServerConfig("unix_socket_directories", "")
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setRegisterShutdownHook(false)
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "hop-test-postgres-stop"));
      return new TestPostgres(
          new ServerCoordinates(LOOPBACK, postgres.getPort(), "postgres", null, "postgres", Map.of()), true);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Embedded PostgreSQL failed to start: " + e
          + "; set " + URL_VARIABLE + " to use an external server", e);
    }
  }

  private static void stop(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Could not stop the embedded PostgreSQL: " + e);
    }
  }

  /** Whether this is the embedded server (false: the one named by {@value #URL_VARIABLE}). */
  public boolean isEmbedded() {
    return embedded;
  }

  /** The JDBC URL of {@code database} on this server; it holds neither user nor password. */
  public String jdbcUrl(String database) {
    return coordinates.jdbcUrl(database);
  }

  public String host() {
    return coordinates.host();
  }

  public int port() {
    return coordinates.port();
  }

  public String user() {
    return coordinates.user();
  }

  /** The password, or null when the server trusts the user (the embedded one does). */
  public String password() {
    return coordinates.password();
  }

  /** The database that {@link #maintenance()} connects to ({@code postgres} unless the external URL names another). */
  public String maintenanceDatabase() {
    return coordinates.maintenanceDatabase();
  }

  /** The libpq variables for a forked client such as pg_dump: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD. */
  public Map<String, String> libpqEnvironment(String database) {
    return coordinates.libpqEnvironment(database);
  }

  /** The server's {@code server_version}, e.g. {@code 15.19}. */
  public String serverVersion() {
    try (Connection c = maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read server_version from " + coordinates.describe(), e);
    }
  }

  /** Opens a new connection to the maintenance database; the caller closes it. */
  public Connection maintenance() throws SQLException {
    return connect(maintenanceDatabase());
  }

  /** Opens a new connection to {@code database}; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", user());
    if (password() != null) {
      login.setProperty("password", password());
    }
    return DriverManager.getConnection(jdbcUrl(database), login);
  }

  /** The first column of the first row {@code sql} returns in {@code database} ({@code t}/{@code f} for booleans). */
  public String queryValue(String database, String sql) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      Object value = rs.getObject(1);
      return value instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(value);
    }
  }

  /** Runs {@code statements} in {@code database}, one after the other, each committed. */
  public void execute(String database, String... statements) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The release hop's metadata in {@code database} records, {@code X.Y.Z}. */
  public String hopVersion(String database) throws SQLException {
    return queryValue(database, "SELECT major || '.' || minor || '.' || patch"
        + " FROM \"half_orm_meta.view\".hop_last_release");
  }

  /** Creates a new empty database named {@code <prefix>_<counter>_<random>}; close it to drop it. */
  public TestDatabase createDatabase(String prefix) {
    String name = uniqueName(prefix);
    try (Connection c = maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " on " + coordinates.describe(), e);
    }
    return new TestDatabase(this, name);
  }

  /** Drops {@code database} if it exists, ending its sessions. */
  void dropDatabase(String database) {
    try (Connection c = maintenance(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop database " + database + " on " + coordinates.describe(), e);
    }
  }

  /** Makes a valid, unique identifier from {@code prefix}: lower case, [a-z0-9_], at most 63 characters. */
  static String uniqueName(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
      clean = "t_" + clean;
    }
    clean = clean.substring(0, Math.min(clean.length(), MAX_PREFIX));
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return clean + "_" + COUNTER.incrementAndGet() + "_" + HexFormat.of().formatHex(random);
  }

  @Override
  public String toString() {
    return (embedded ? "embedded " : "external ") + "PostgreSQL " + coordinates.describe();
  }
}
