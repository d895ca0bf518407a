package dev.hop.core.devserver;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Who may log in to the project's embedded server: a role with a password, from 127.0.0.1, checked by scram-sha-256,
 * as hop's own {@code pg_hba.conf} says; the superuser's password is the one hop generated into
 * {@code .hop/local/password} (0600). A data folder that an earlier hop initialised with trust authentication is
 * secured in place, its databases kept.
 */
final class ServerAuth {
  /** The first characters of the {@code pg_hba.conf} hop writes. */
  static final String HBA_HEADER = "# hop:";
  private static final String HBA = HBA_HEADER + " the embedded development server of this project. From 127.0.0.1"
      + " only, with a password:\n# the superuser's is the one hop generated into .hop/local/password (readable by its"
      + " owner only).\nhost all all 127.0.0.1/32 scram-sha-256\n";
  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

  private final Path local;
  private final Path data;
  private final HopEvents events;

  ServerAuth(Path local, Path data, HopEvents events) {
    this.local = local;
    this.data = data;
    this.events = events;
  }

  /** {@code .hop/local/password}. */
  Path passwordFile() {
    return local.resolve(ServerPassword.FILE);
  }

  /** The kept password, after making its file readable by its owner only if it was not (with a warning). */
  Optional<Secret> password() throws IOException {
    Optional<Secret> password = ServerPassword.read(local);
    if (password.isPresent() && ServerPassword.readableByOthers(local)) {
      ServerPassword.restrict(local);
      events.accept(HopEvent.warn("Made " + passwordFile() + " readable by its owner only: it holds the password"
          + " of the embedded PostgreSQL"));
    }
    return password;
  }

  /** A new random password, written to {@link #passwordFile()} for initdb's {@code --pwfile}. */
  Secret newPassword() throws IOException {
    return ServerPassword.generate(local);
  }

  /** Whether the data folder's {@code pg_hba.conf} is hop's (password required), not an earlier hop's trust. */
  boolean secured() {
    try {
      return Files.readString(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8).startsWith(HBA_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  /** Replaces the data folder's {@code pg_hba.conf} by hop's; the server reads it at start or reload. */
  void writeHba() throws IOException {
    Files.writeString(data.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
  }

  /** Whether a server whose data folder is this one lets {@code password} in on 127.0.0.1:{@code port}. */
  boolean answers(int port, Optional<Secret> password) {
    if (port <= 0) {
      return false;
    }
    try (Connection c = login(port, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_directory")) {
      return rs.next() && Path.of(rs.getString(1)).toAbsolutePath().normalize().equals(data);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Connects to the {@code postgres} database as the superuser, with {@code password} when given. */
  Connection login(int port, Optional<Secret> password) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", RunningServer.SUPERUSER);
    password.ifPresent(p -> login.setProperty("password", p.reveal()));
    login.setProperty("connectTimeout", "3");
    login.setProperty("ApplicationName", "hop");
    return DriverManager.getConnection("jdbc:postgresql://" + RunningServer.HOST + ":" + port + "/postgres", login);
  }

  /**
   * Secures a running server that trusts every local user: sets the superuser's password ({@code kept}, else a new
   * one), computed into a scram-sha-256 verifier by the driver so the clear password never reaches the server,
   * writes hop's {@code pg_hba.conf}, reloads it, and waits until a login without the password is refused.
   */
  Secret secure(int port, Optional<Secret> kept) throws IOException, SQLException {
    Secret password = kept.isPresent() ? kept.get() : newPassword();
    try (Connection c = login(port, Optional.empty()); Statement s = c.createStatement()) {
      c.unwrap(PGConnection.class).alterUserPassword(RunningServer.SUPERUSER, password.reveal().toCharArray(),
          "scram-sha-256");
      writeHba();
      s.execute("SELECT pg_reload_conf()");
    }
    long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = login(port, Optional.empty())) {
        pause();
      } catch (SQLException refused) {
        events.accept(HopEvent.lifecycle("Secured the embedded PostgreSQL of " + local + ": it let every local user"
            + " in, it now asks for the password hop generated into " + passwordFile() + " (readable by you only);"
            + " its databases are kept"));
        return password;
      }
    }
    throw new SQLException("the server still lets users in without a password " + RELOAD_TIMEOUT.toSeconds()
        + " s after reloading " + data.resolve("pg_hba.conf"));
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
