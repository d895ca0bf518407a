package dev.hop.bench;

import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a run measured: cores, memory, and the versions of PostgreSQL, Java, Maven and the peers. */
record Machine(int cores, String memory, String cpu, String postgres, String java, String maven, String peers) {

  static Machine describe(TestPostgres server, String mavenVersion, String peers) {
    return new Machine(Runtime.getRuntime().availableProcessors(), readMemory(), readCpu(),
        server.serverVersion() + (server.isEmbedded() ? " (embedded, zonky binaries)" : " (HOP_TEST_JDBC_URL)"),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"), mavenVersion, peers);
  }

  String markdown() {
    return String.format(Locale.ROOT,
        "- cores: %d; memory: %s; CPU: %s%n- PostgreSQL %s%n- Java %s%n- %s%n- peers: %s%n",
        cores, memory, cpu, postgres, java, maven, peers);
  }

  private static String readMemory() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("\\D", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
      }
    }
    return "unknown";
  }

  private static String readCpu() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
