package dev.hop.core.devserver;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code .hop/local/server.properties}: where the project's embedded server was last started (format, port, pid,
 * data folder, version). It holds no secret; a file that cannot be read counts as absent (the server is then
 * found again from its data folder or started anew).
 *
 * @param port the TCP port on 127.0.0.1
 * @param pid the postmaster's process id
 * @param dataDir the data folder
 * @param version the binaries version, e.g. {@code 15.19.0}
 */
record ServerFile(int port, long pid, Path dataDir, String version) {
  static final String FORMAT = "1";

  static Optional<ServerFile> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      if (!FORMAT.equals(p.getProperty("format"))) {
        return Optional.empty();
      }
      return Optional.of(new ServerFile(Integer.parseInt(p.getProperty("port")), Long.parseLong(p.getProperty("pid")),
          Path.of(p.getProperty("dataDir")), p.getProperty("version")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes the file through a temporary file and an atomic rename. */
  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("port", Integer.toString(port));
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("dataDir", dataDir.toString());
    p.setProperty("version", version);
    Path temp = Files.createTempFile(file.getParent(), "server-", ".properties");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      p.store(out, "hop's embedded PostgreSQL for this project; written by hop, stop it with hop:db-stop");
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
