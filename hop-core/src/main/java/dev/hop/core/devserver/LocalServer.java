package dev.hop.core.devserver;

import dev.hop.core.base.EmbeddedServer;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.Secret;
import dev.hop.core.devserver.RunningServer.State;
import dev.hop.core.errors.EmbeddedServerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One project's embedded PostgreSQL: data in {@code .hop/local/pg}, started detached on 127.0.0.1 so it
 * outlives the build, recorded in {@code .hop/local/server.properties}, reused while it answers, started again
 * after a kill or a reboot, and stopped on request; logins need the password of {@code .hop/local/password}
 * ({@link ServerAuth}), also kept for the current port in {@code .hop/local/pgpass} for clients given
 * {@code PGPASSFILE}. Callers in several processes are serialised by a file lock.
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
  private final ServerAuth auth;

  /**
   * @param spec where the binaries come from; may be null for a server that is only looked at ({@link #running()})
   */
  public LocalServer(Path projectDir, EmbeddedServer spec, HopEvents events) {
    this.spec = spec;
    this.events = events;
    this.local = projectDir.toAbsolutePath().normalize().resolve(LOCAL);
    this.data = local.resolve("pg");
    this.record = local.resolve("server.properties");
    this.auth = new ServerAuth(local, data, events);
  }

  /**
   * The embedded server of the project in {@code projectDir} when it runs and lets hop in, without its binaries and
   * without starting it: for the goals that only read, which start nothing.
   */
  public static Optional<RunningServer> runningIn(Path projectDir, HopEvents events) {
    return new LocalServer(projectDir, null, events).running();
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

  /** The server when it runs and lets hop in, without starting it. */
  public Optional<RunningServer> running() {
    try {
      Optional<Secret> password = auth.password();
      return ServerFile.read(record).filter(r -> password.isPresent() && auth.answers(r.port(), password))
          .map(r -> new RunningServer(r.port(), r.pid(), r.version(), data, State.REUSED, password.get()));
    } catch (IOException e) {
      return Optional.empty();
    }
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
    Optional<Secret> password = auth.password();
    if (last.isPresent() && password.isPresent() && auth.secured() && auth.answers(last.get().port(), password)) {
      ServerFile r = last.get();
      ServerPassword.writePgpass(local, r.port(), password.get());
      return new RunningServer(r.port(), r.pid(), r.version(), data, State.REUSED, password.get());
    }
    State state = last.isPresent() ? State.RECOVERED : State.STARTED;
    PgPrograms programs = programs(PostgresBinaries.of(spec, events));
    if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
      password = Optional.of(initdb(programs));
    } else {
      checkMajor();
      if (auth.secured() && password.isEmpty()) {
        throw new EmbeddedServerException(data, "The password of the embedded PostgreSQL of " + data + " is gone ("
            + auth.passwordFile() + " is missing or empty), so hop cannot log in to it. Stop the server (hop:db-stop),"
            + " delete " + data + " and run the goal again (the development database is rebuilt from the production"
            + " state).");
      }
    }
    int port = -1;
    Optional<PostmasterPid> pid = PostmasterPid.read(data);
    if (pid.isPresent() && pid.get().alive()) {
      if (auth.answers(pid.get().port(), password)) {
        port = pid.get().port();
      } else {
        programs.run(TIMEOUT, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
      }
      state = last.filter(r -> r.port() == pid.get().port()).isPresent() && port > 0 ? State.REUSED : State.RECOVERED;
    } else if (pid.isPresent()) {
      events.accept(HopEvent.detail("Removing the stale " + data.resolve(PostmasterPid.FILE) + " (pid "
          + pid.get().pid() + " is not running)"));
      Files.deleteIfExists(data.resolve(PostmasterPid.FILE));
      state = State.RECOVERED;
    }
    if (port < 0) {
      port = last.map(ServerFile::port).filter(LoopbackPort::isFree).orElseGet(LoopbackPort::any);
      start(programs, port);
    }
    Secret secret = auth.secured() ? password.orElseThrow() : secure(port, password);
    checkLogin(port, secret);
    long postmaster = PostmasterPid.read(data).map(PostmasterPid::pid).orElse(-1L);
    return record(new RunningServer(port, postmaster, spec.version(), data, state, secret));
  }

  /** initdb with a new random superuser password, then hop's settings and {@code pg_hba.conf}. */
  private Secret initdb(PgPrograms programs) throws IOException, EmbeddedServerException {
    PostgresBinaries.deleteTree(data);
    Files.createDirectories(data);
    Secret password = auth.newPassword();
    PgPrograms.Outcome out = programs.run(TIMEOUT, "initdb", "-D", data.toString(), "-A", "scram-sha-256",
        "--pwfile=" + auth.passwordFile(), "-U", RunningServer.SUPERUSER, "-E", "UTF8", "--locale=C");
    if (!out.ok()) {
      throw new EmbeddedServerException(data, "initdb failed for " + data + " (exit " + out.exit() + "): "
          + tail(out.output()) + ". See " + local.resolve("postgres.log") + "; delete " + data
          + " and run the goal again, or set hop.url to use another server.");
    }
    Files.writeString(data.resolve("postgresql.conf"), "\n# hop: the embedded development server\n"
        + "listen_addresses = '" + RunningServer.HOST + "'\nunix_socket_directories = ''\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    auth.writeHba();
    events.accept(HopEvent.lifecycle("Initialised the embedded PostgreSQL data folder " + data + " (password in "
        + auth.passwordFile() + ", readable by you only)"));
    return password;
  }

  /** Secures a server an earlier hop initialised with trust authentication (see {@link ServerAuth#secure}). */
  private Secret secure(int port, Optional<Secret> kept) throws IOException, EmbeddedServerException {
    try {
      return auth.secure(port, kept);
    } catch (SQLException e) {
      throw new EmbeddedServerException(data, "Cannot set a password on the embedded PostgreSQL of " + data
          + ", which lets every local user in: " + e.getMessage() + ". Stop it (hop:db-stop), delete " + data
          + " and run the goal again (the development database is rebuilt from the production state).", e);
    }
  }

  private void checkLogin(int port, Secret password) throws EmbeddedServerException {
    try (Connection c = auth.login(port, Optional.of(password))) {
      c.isValid(3);
    } catch (SQLException e) {
      throw new EmbeddedServerException(data, "hop cannot log in to its embedded PostgreSQL of " + data + " on "
          + RunningServer.HOST + ":" + port + " with the password in " + auth.passwordFile() + ": " + e.getMessage()
          + ". Stop the server (hop:db-stop), delete " + data + " and run the goal again (the development database"
          + " is rebuilt from the production state).", e);
    }
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
    ServerPassword.writePgpass(local, server.port(), server.password());
    return server;
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
    ServerPassword.createPrivateFolder(local);
    return FileChannel.open(local.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private EmbeddedServerException failure(String action, IOException e) {
    return new EmbeddedServerException(local, "Cannot " + action + " the embedded PostgreSQL of " + local + ": " + e
        + ". Check the folder is writable, then run the goal again.", e);
  }

  /** pg_ctl returns once postmaster.pid is gone, a moment before the process itself. */
  private static void awaitExit(long pid) {
    ProcessHandle.of(pid).ifPresent(h -> {
      try {
        h.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
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
