package dev.hop.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/** Writes a goal's JSON result ({@code -Dhop.output=json}) to {@code target/hop/<goal>.json} and to stdout. */
final class JsonOutput {

  private JsonOutput() {
  }

  /** Whether {@code output} asks for JSON. */
  static boolean wanted(String output) {
    return "json".equalsIgnoreCase(output == null ? "" : output.trim());
  }

  static void write(File basedir, String goal, String json) throws MojoFailureException {
    Path file = basedir.toPath().resolve("target/hop/" + goal + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    System.out.println(json);
  }
}
