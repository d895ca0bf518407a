package dev.hop.core.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file PostgreSQL keeps in its data folder while it runs (pid on line 1, port on line
 * 4), and whether that pid is still a live {@code postgres} process: after a {@code kill -9} or a reboot the file
 * stays behind and its pid may belong to anything.
 */
record PostmasterPid(long pid, int port) {
  static final String FILE = "postmaster.pid";

  static Optional<PostmasterPid> read(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve(FILE), StandardCharsets.UTF_8);
      return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()),
          lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the pid is a live process running a program named {@code postgres}. */
  boolean alive() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().command())
        .map(c -> c.endsWith("/postgres") || c.equals("postgres"))
        .orElse(false);
  }
}
