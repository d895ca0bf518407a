package dev.hop.core.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the unpacked {@code initdb} and {@code pg_ctl}, output appended to a log file. PostgreSQL refuses to run as
 * root, so when hop runs as root each program runs in a new user namespace ({@code unshare -U}), where it is the
 * unprivileged overflow user ({@code nobody}) and still owns the files it creates.
 */
final class PgPrograms {
  private final PostgresBinaries binaries;
  private final boolean unshare;
  private final Path log;

  PgPrograms(PostgresBinaries binaries, boolean unshare, Path log) {
    this.binaries = binaries;
    this.unshare = unshare;
    this.log = log;
  }

  /** What one run of a program did. */
  record Outcome(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code program} with {@code args}, waiting at most {@code timeout}; the output is also kept in the log. */
  Outcome run(Duration timeout, String program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (unshare) {
      command.add("unshare");
      command.add("-U");
    }
    command.add(binaries.program(program).toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(log.getParent(), program + "-", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(output.toFile()).start();
      boolean done;
      try {
        done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        process.destroyForcibly();
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.writeString(log, "$ " + String.join(" ", command) + "\n" + text, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      return new Outcome(done ? process.exitValue() : -1, done ? text : text + "\n(timed out after " + timeout + ")");
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** Whether this process runs as root (uid 0), read from {@code /proc/self}; false where that cannot be read. */
  static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code unshare -U} works here and makes this process someone other than root. */
  static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.equals("0") && out.matches("\\d+");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
