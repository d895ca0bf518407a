package dev.hop.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postgresql.Driver;

/** Where a PostgreSQL server for tests listens, how to log in, and how to name one of its databases. */
record ServerCoordinates(String host, int port, String user, String password, String maintenanceDatabase,
    Map<String, String> urlParameters) {

  private static final String DEFAULT_USER = "postgres";

  ServerCoordinates {
    urlParameters = Map.copyOf(urlParameters);
  }

  /** Reads a {@code jdbc:postgresql:} URL; explicit user/password (may be null) win over the URL's. */
  static ServerCoordinates fromJdbcUrl(String url, String user, String password) {
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
    }
    String host = parsed.getProperty("PGHOST");
    String port = parsed.getProperty("PGPORT");
    if (host.contains(",")) {
      throw new IllegalArgumentException("Multi-host JDBC URLs are not supported for tests: " + host);
    }
    Map<String, String> parameters = new TreeMap<>();
    parsed.stringPropertyNames().forEach(key -> parameters.put(key, parsed.getProperty(key)));
    String urlUser = parameters.remove("user");
    String urlPassword = parameters.remove("password");
    parameters.remove("PGHOST");
    parameters.remove("PGPORT");
    String database = parameters.remove("PGDBNAME");
    return new ServerCoordinates(
        host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
        Integer.parseInt(port),
        firstNonBlank(user, urlUser, DEFAULT_USER),
        firstNonBlank(password, urlPassword, null),
        firstNonBlank(database, "postgres", null),
        parameters);
  }

  /** The JDBC URL of {@code database} on this server, without user or password. */
  String jdbcUrl(String database) {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    String query = urlParameters.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
  }

  /** The libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD if any) to reach {@code database}. */
  Map<String, String> libpqEnvironment(String database) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PGHOST", host);
    env.put("PGPORT", Integer.toString(port));
    env.put("PGUSER", user);
    env.put("PGDATABASE", database);
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    String sslmode = urlParameters.get("sslmode");
    if (sslmode != null) {
      env.put("PGSSLMODE", sslmode);
    }
    return env;
  }

  /** Names the server for messages, without the password. */
  String describe() {
    return user + "@" + host + ":" + port + "/" + maintenanceDatabase;
  }

  @Override
  public String toString() {
    return "ServerCoordinates[" + describe() + "]";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String firstNonBlank(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : fallback;
  }
}
