package dev.hop.core.devserver;

import dev.hop.core.EmbeddedServer;
import dev.hop.core.EmbeddedServerException;
import dev.hop.core.HopEvent;
import dev.hop.core.HopEvents;
import dev.hop.core.devserver.RunningServer.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * One project's embedded PostgreSQL (SPEC §2): data in {@code .hop/local/pg}, started detached on 127.0.0.1 so it
 * outlives the build, recorded in {@code .hop/local/server.properties}, reused while it answers, started again
 * after a kill or a reboot, and stopped on request. Callers in several processes are serialised by a file lock.
 */
public final class LocalServer {
  /** The project's local folder, ignored by Git. */
  public static final String LOCAL = ".hop/local";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Object JVM_LOCK = new Object();

  private final EmbeddedServer spec;
  private final HopEvents events;
  private final Path local;
  private final Path data;
  private final Path record;

  public LocalServer(Path projectDir, EmbeddedServer spec, HopEvents events) {
    this.spec = spec;
    this.events = events;
    this.local = projectDir.toAbsolutePath().normalize().resolve(LOCAL);
    this.data = local.resolve("pg");
    this.record = local.resolve("server.properties");
  }

  /** The data folder, {@code <project>/.hop/local/pg}. */
  public Path dataDir() {
    return data;
  }

  /** Returns the running server, starting it (after initdb the first time) when it does not answer. */
  public RunningServer ensure() throws EmbeddedServerException {
    synchronized (JVM_LOCK) {
      try (FileChannel channel = lockChannel(); FileLock ignored = channel.lock()) {
        return ensureLocked();
      } catch (IOException e) {
        throw failure("start", e);
      }
    }
  }

  /** The server when it runs and answers, without starting it. */
  public Optional<RunningServer> running() {
    return ServerFile.read(record).filter(r -> answers(r.port()))
        .map(r -> new RunningServer(r.port(), r.pid(), r.version(), data, State.REUSED));
  }

  /**
   * Stops the server (fast shutdown: sessions are ended) and removes its record.
   *
   * @return the stopped server's pid, empty when none was running
   */
  public Optional<Long> stop() throws EmbeddedServerException {
    synchronized (JVM_LOCK) {
      if (!Files.isDirectory(local)) {
        return Optional.empty();
      }
      try (FileChannel channel = lockChannel(); FileLock ignored = channel.lock()) {
        Optional<PostmasterPid> pid = PostmasterPid.read(data).filter(PostmasterPid::alive);
        Files.deleteIfExists(record);
        if (pid.isEmpty()) {
          return Optional.empty();
        }
        PgPrograms.Outcome out = programs().run(TIMEOUT, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w",
            "-t", Long.toString(TIMEOUT.toSeconds()), "stop");
        if (!out.ok()) {
          throw new EmbeddedServerException(data, "pg_ctl stop failed for " + data + " (exit " + out.exit() + "): "
              + out.output().strip() + ". Stop pid " + pid.get().pid() + " by hand (kill " + pid.get().pid() + ").");
        }
        awaitExit(pid.get().pid());
        return Optional.of(pid.get().pid());
      } catch (IOException e) {
        throw failure("stop", e);
      }
    }
  }

  private RunningServer ensureLocked() throws IOException, EmbeddedServerException {
    Optional<ServerFile> last = ServerFile.read(record);
    if (last.isPresent() && answers(last.get().port())) {
      ServerFile r = last.get();
      return new RunningServer(r.port(), r.pid(), r.version(), data, State.REUSED);
    }
    State state = last.isPresent() ? State.RECOVERED : State.STARTED;
    PostgresBinaries binaries = PostgresBinaries.of(spec, events);
    PgPrograms programs = programs(binaries);
    if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
      initdb(programs);
    } else {
      checkMajor();
    }
    Optional<PostmasterPid> pid = PostmasterPid.read(data);
    if (pid.isPresent() && pid.get().alive()) {
      if (answers(pid.get().port())) {
        return record(new RunningServer(pid.get().port(), pid.get().pid(), spec.version(), data, State.RECOVERED));
      }
      programs.run(TIMEOUT, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
      state = State.RECOVERED;
    } else if (pid.isPresent()) {
      events.accept(HopEvent.detail("Removing the stale " + data.resolve(PostmasterPid.FILE) + " (pid "
          + pid.get().pid() + " is not running)"));
      Files.deleteIfExists(data.resolve(PostmasterPid.FILE));
      state = State.RECOVERED;
    }
    int port = last.map(ServerFile::port).filter(LocalServer::free).orElseGet(LocalServer::freePort);
    start(programs, port);
    long postmaster = PostmasterPid.read(data).map(PostmasterPid::pid).orElse(-1L);
    return record(new RunningServer(port, postmaster, spec.version(), data, state));
  }

  private void initdb(PgPrograms programs) throws IOException, EmbeddedServerException {
    PostgresBinaries.deleteTree(data);
    Files.createDirectories(data);
    PgPrograms.Outcome out = programs.run(TIMEOUT, "initdb", "-D", data.toString(), "-A", "trust",
        "-U", RunningServer.SUPERUSER, "-E", "UTF8", "--locale=C");
    if (!out.ok()) {
      throw new EmbeddedServerException(data, "initdb failed for " + data + " (exit " + out.exit() + "): "
          + tail(out.output()) + ". See " + local.resolve("postgres.log") + "; delete " + data
          + " and run the goal again, or set hop.url to use another server.");
    }
    Files.writeString(data.resolve("postgresql.conf"), "\n# hop: the embedded development server\n"
        + "listen_addresses = '" + RunningServer.HOST + "'\nunix_socket_directories = ''\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    events.accept(HopEvent.lifecycle("Initialised the embedded PostgreSQL data folder " + data));
  }

  private void start(PgPrograms programs, int port) throws IOException, EmbeddedServerException {
    PgPrograms.Outcome out = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      out = programs.run(TIMEOUT, "pg_ctl", "-D", data.toString(), "-l", local.resolve("postgres.log").toString(),
          "-w", "-t", Long.toString(TIMEOUT.toSeconds()), "-o", "-p " + port, "start");
      if (out.ok()) {
        return;
      }
      sleep(Duration.ofSeconds(1)); // the killed server's children may still hold its shared memory
    }
    throw new EmbeddedServerException(data, "pg_ctl start failed for " + data + " on port " + port + " (exit "
        + out.exit() + "): " + tail(out.output()) + ". See " + local.resolve("postgres.log")
        + ", then run the goal again.");
  }

  private void checkMajor() throws IOException, EmbeddedServerException {
    String dataMajor = Files.readString(data.resolve("PG_VERSION"), StandardCharsets.UTF_8).strip();
    String major = spec.version().split("\\.")[0];
    if (!dataMajor.equals(major)) {
      throw new EmbeddedServerException(data, "The embedded data folder " + data + " is PostgreSQL " + dataMajor
          + " but hop.pgVersion is " + spec.version() + ". Set hop.pgVersion to a " + dataMajor + ".x version, or"
          + " stop the server (hop:db-stop), delete " + data + " and run the goal again (the development"
          + " database is rebuilt from the production state).");
    }
  }

  private RunningServer record(RunningServer server) throws IOException {
    new ServerFile(server.port(), server.pid(), data, server.version()).write(record);
    return server;
  }

  /** Whether a PostgreSQL whose data folder is this project's answers on 127.0.0.1:{@code port}. */
  private boolean answers(int port) {
    if (port <= 0) {
      return false;
    }
    Properties login = new Properties();
    login.setProperty("user", RunningServer.SUPERUSER);
    login.setProperty("connectTimeout", "3");
    login.setProperty("ApplicationName", "hop");
    String url = "jdbc:postgresql://" + RunningServer.HOST + ":" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_directory")) {
      return rs.next() && Path.of(rs.getString(1)).toAbsolutePath().normalize().equals(data);
    } catch (SQLException e) {
      return false;
    }
  }

  private PgPrograms programs() throws EmbeddedServerException {
    return programs(PostgresBinaries.of(spec, events));
  }

  private PgPrograms programs(PostgresBinaries binaries) throws EmbeddedServerException {
    boolean root = PgPrograms.runningAsRoot();
    if (root && !PgPrograms.unshareWorks()) {
      throw new EmbeddedServerException(data, "PostgreSQL cannot run as root and 'unshare -U' does not work here,"
          + " so hop cannot start the embedded server. Run Maven as an unprivileged user, or set hop.url to a"
          + " PostgreSQL server you run.");
    }
    return new PgPrograms(binaries, root, local.resolve("postgres.log"));
  }

  private FileChannel lockChannel() throws IOException {
    Files.createDirectories(local);
    return FileChannel.open(local.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private EmbeddedServerException failure(String action, IOException e) {
    return new EmbeddedServerException(local, "Cannot " + action + " the embedded PostgreSQL of " + local + ": " + e
        + ". Check the folder is writable, then run the goal again.", e);
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(RunningServer.HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(RunningServer.HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** pg_ctl returns once postmaster.pid is gone, a moment before the process itself. */
  private static void awaitExit(long pid) {
    ProcessHandle.of(pid).ifPresent(h -> {
      try {
        h.onExit().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // reported by the caller's next look at the process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private static String tail(String output) {
    String s = output.strip();
    return s.length() <= 600 ? s : "..." + s.substring(s.length() - 600);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
