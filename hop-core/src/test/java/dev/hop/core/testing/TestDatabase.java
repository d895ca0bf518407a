package dev.hop.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

/**
 * One throw-away database on the {@link TestPostgres} server; {@link #close()} drops it, ending its sessions.
 *
 * @param server the server that holds it
 * @param name its name, a valid lower-case identifier
 */
public record TestDatabase(TestPostgres server, String name) implements AutoCloseable {

  public TestDatabase {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(name, "name");
  }

  /** Its JDBC URL, without user or password. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  public String user() {
    return server.user();
  }

  /** The password, or null when the server trusts the user. */
  public String password() {
    return server.password();
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** Opens a new connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return server.connect(name);
  }

  /** Opens a new connection whose search_path is {@code schema}; the caller closes it. */
  public Connection connect(String schema) throws SQLException {
    Connection connection = connect();
    connection.setSchema(schema);
    return connection;
  }

  /**
   * Creates a new empty schema named {@code <prefix>_<counter>_<random>}, for tests that want a fresh schema each
   * while sharing the class's database; it goes away with the database.
   */
  public String createSchema(String prefix) {
    String schema = TestPostgres.uniqueName(prefix);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema + " in " + name, e);
    }
    return schema;
  }

  /**
   * The libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD when set) that point a forked client such as
   * {@code pg_dump} at this database, so that no password ever appears on a command line.
   */
  public Map<String, String> libpqEnvironment() {
    return server.libpqEnvironment(name);
  }

  /** A process builder for {@code command} whose environment holds {@link #libpqEnvironment()}. */
  public ProcessBuilder processBuilder(String... command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(libpqEnvironment());
    return builder;
  }

  /** Drops the database WITH (FORCE); dropping twice is harmless. */
  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
