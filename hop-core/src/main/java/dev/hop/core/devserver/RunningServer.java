package dev.hop.core.devserver;

import dev.hop.core.base.Secret;
import java.nio.file.Path;

/**
 * The project's embedded server as {@link LocalServer#ensure()} left it: answering on 127.0.0.1 at {@code port}.
 *
 * @param port the TCP port on 127.0.0.1
 * @param pid the postmaster's process id
 * @param version the binaries version, e.g. {@code 15.19.0}
 * @param dataDir the data folder
 * @param state whether it was already running, started, or started again after a stale record
 * @param password the password of {@link #SUPERUSER}, kept in {@code .hop/local/password}; never logged
 */
public record RunningServer(int port, long pid, String version, Path dataDir, State state, Secret password) {
  /** The host it listens on, and only there. */
  public static final String HOST = "127.0.0.1";
  /** The superuser initdb created; the server lets it in from 127.0.0.1 with its password only. */
  public static final String SUPERUSER = "postgres";

  /** How {@link LocalServer#ensure()} found the server. */
  public enum State {
    /** It answered at the recorded port. */
    REUSED,
    /** It was started (after initdb when the data folder was new). */
    STARTED,
    /** A stale record or pid file (server killed, machine rebooted) was cleared and the server started again. */
    RECOVERED
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
  }

  /** One line for the log: {@code embedded PostgreSQL 15.19.0 at 127.0.0.1:5433 (pid 123, reused)}. */
  public String describe() {
    return "embedded PostgreSQL " + version + " at " + HOST + ":" + port + " (pid " + pid + ", "
        + state.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
