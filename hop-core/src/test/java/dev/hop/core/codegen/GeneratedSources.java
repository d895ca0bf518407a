package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated sources with javax.tools (pgjdbc and JUnit on the class path) and loads the classes. */
final class GeneratedSources {

  private GeneratedSources() {
  }

  /** Compiles every {@code .java} under {@code roots} into {@code out} and returns a loader for the classes. */
  static URLClassLoader compile(Path out, Path... roots) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-Xlint:all",
        "-Xlint:-processing", "-Werror", "-classpath", classPath()));
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> arguments.add(p.toString()));
      }
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = compiler.run(null, messages, messages, arguments.toArray(String[]::new));
    assertThat(status).as("generated code compiles:%n%s", messages.toString(StandardCharsets.UTF_8)).isZero();
    return new URLClassLoader(new URL[] {out.toUri().toURL()}, GeneratedSources.class.getClassLoader());
  }

  private static String classPath() {
    return jarOf(org.postgresql.Driver.class) + File.pathSeparator + jarOf(org.junit.jupiter.api.Test.class)
        + File.pathSeparator + jarOf(org.junit.jupiter.api.Assertions.class)
        + File.pathSeparator + jarOf(org.apiguardian.api.API.class);
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
