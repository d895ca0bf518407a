package dev.hop.maven;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Writes a goal's JSON result to {@code target/hop/<goal>.json} and to standard output. */
final class JsonOutput {

  private JsonOutput() {
  }

  /**
   * Whether {@code -Dhop.output} asks for JSON.
   *
   * @throws MojoFailureException for a value other than {@code json} or {@code text}
   */
  static boolean requested(Optional<String> output) throws MojoFailureException {
    if (output.isEmpty() || output.get().equalsIgnoreCase("text")) {
      return false;
    }
    if (output.get().equalsIgnoreCase("json")) {
      return true;
    }
    throw new MojoFailureException("Unknown output '" + output.get() + "': hop writes text (the default) or json."
        + " Run with -Dhop.output=json");
  }

  static void write(Path basedir, String goal, String json, Log log) throws MojoFailureException {
    Path file = basedir.resolve("target/hop/" + goal + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot write " + file + ": " + e.getMessage()
          + ". Check that target/ is writable, then run again", e);
    }
    PrintStream out = System.out;
    out.println(json);
    out.flush();
    log.info("Wrote " + file);
  }
}
