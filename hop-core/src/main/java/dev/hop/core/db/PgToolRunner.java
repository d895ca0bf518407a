package dev.hop.core.db;

import dev.hop.core.errors.PgToolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a PostgreSQL client tool against a database: connection settings and the password go through the
 * libpq environment (never the command line); stdout is returned or written to a file.
 */
final class PgToolRunner {

  private static final int STDERR_TAIL = 2000;

  private PgToolRunner() {
  }

  /**
   * Runs {@code tool args...} on {@code target}.
   *
   * @param output where stdout goes; empty to return it
   * @return stdout when {@code output} is empty, else an empty array
   */
  static byte[] run(Path tool, DatabaseTarget target, List<String> args, Optional<Path> output)
      throws PgToolException {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PGPASSWORD");
    builder.environment().putAll(target.libpqEnvironment());
    output.ifPresent(file -> builder.redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())));
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errPump = pump(process.getErrorStream(), err);
      byte[] out = output.isPresent() ? new byte[0] : process.getInputStream().readAllBytes();
      int exit = process.waitFor();
      errPump.join();
      if (exit != 0) {
        String stderr = err.toString(StandardCharsets.UTF_8);
        throw PgToolException.failed(tool.getFileName().toString(), tool,
            exit, stderr.length() > STDERR_TAIL ? stderr.substring(stderr.length() - STDERR_TAIL) : stderr);
      }
      return out;
    } catch (IOException e) {
      throw PgToolException.failed(tool.getFileName().toString(), tool, -1, "could not run it: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PgToolException.failed(tool.getFileName().toString(), tool, -1, "interrupted");
    }
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "hop-pg-tool-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
