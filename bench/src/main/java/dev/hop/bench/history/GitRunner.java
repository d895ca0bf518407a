package dev.hop.bench.history;

import dev.hop.core.testing.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the git CLI for the bench's set-up, isolated from the user's configuration (hop-core's {@link GitCli}
 * environment), including {@code git fast-import} fed from a file.
 */
public final class GitRunner {

  private final GitCli cli;

  /** A runner whose HOME and git configuration live in {@code home}. */
  public GitRunner(Path home) {
    this.cli = new GitCli(home);
  }

  /** Runs {@code git args…} in {@code dir}; returns the trimmed output, fails with stderr. */
  public String run(Path dir, String... args) {
    return cli.run(dir, args);
  }

  /** The environment git runs with. */
  public Map<String, String> environment() {
    return cli.environment();
  }

  /** Feeds {@code stream} to {@code git fast-import} in the repository {@code gitDir}. */
  public void fastImport(Path gitDir, byte[] stream) throws IOException, InterruptedException {
    Path input = Files.createTempFile(gitDir, "fast-import", ".stream");
    Path errors = Files.createTempFile(gitDir, "fast-import", ".err");
    try {
      Files.write(input, stream);
      List<String> command = new ArrayList<>(List.of("git", "fast-import", "--quiet"));
      ProcessBuilder builder = new ProcessBuilder(command).directory(gitDir.toFile())
          .redirectInput(input.toFile()).redirectError(errors.toFile()).redirectOutput(errors.toFile());
      builder.environment().clear();
      builder.environment().putAll(cli.environment());
      Process process = builder.start();
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("git fast-import in " + gitDir + " exited with " + exit + ": "
            + Files.readString(errors, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(errors);
    }
  }
}
