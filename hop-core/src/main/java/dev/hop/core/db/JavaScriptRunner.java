package dev.hop.core.db;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.PatchScriptException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a patch's {@code .java} single-file program with the JDK's {@code java} launcher, in the patch folder,
 * with {@code HOP_URL}/{@code HOP_USER}/{@code HOP_PASSWORD} in its environment and pgjdbc on its class path;
 * its output lines are shown as it runs, as lifecycle events.
 */
public final class JavaScriptRunner {

  private static final int TAIL = 20;

  private final HopEvents events;
  private final String next;

  /**
   * @param next the command the user runs after fixing a script
   */
  public JavaScriptRunner(HopEvents events, String next) {
    this.events = events;
    this.next = next;
  }

  /**
   * Runs {@code folder/fileName}; {@code file} names it in messages.
   *
   * @throws PatchScriptException when it cannot start or exits with a non-zero status (with its stderr tail)
   */
  public void run(DatabaseTarget target, Path folder, String fileName, String file) throws PatchScriptException {
    ProcessBuilder builder = new ProcessBuilder(List.of(javaLauncher().toString(), "-cp", driverJar().toString(),
        fileName)).directory(folder.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOP_URL", target.url());
    target.user().ifPresent(u -> env.put("HOP_USER", u));
    env.remove("HOP_PASSWORD");
    if (target.password().isPresent()) {
      env.put("HOP_PASSWORD", target.password().reveal());
    }
    Deque<String> stderr = new ArrayDeque<>();
    int exit;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      Thread out = pump(process.getInputStream(), line -> events.accept(HopEvent.lifecycle(fileName + ": " + line)));
      Thread err = pump(process.getErrorStream(), line -> {
        events.accept(HopEvent.lifecycle(fileName + " (stderr): " + line));
        synchronized (stderr) {
          stderr.addLast(line);
          if (stderr.size() > TAIL) {
            stderr.removeFirst();
          }
        }
      });
      exit = process.waitFor();
      out.join();
      err.join();
    } catch (IOException e) {
      throw failed(file, "could not start " + javaLauncher() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(file, "interrupted");
    }
    if (exit != 0) {
      String tail;
      synchronized (stderr) {
        tail = String.join("\n", stderr);
      }
      throw failed(file, "exit status " + exit + (tail.isEmpty() ? "" : "; last lines of stderr:\n" + tail));
    }
  }

  private PatchScriptException failed(String file, String why) {
    return new PatchScriptException(PatchScriptException.Reason.JAVA_FAILED, file, 0, 0, null, why,
        "Java script " + file + " failed: " + why + "\nFix " + file + ", then run " + next);
  }

  private static Thread pump(InputStream in, Consumer<String> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.accept(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "hop-java-script-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The {@code java} launcher of the JDK hop runs on. */
  static Path javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The jar (or folder) pgjdbc's Driver was loaded from. */
  static Path driverJar() {
    try {
      return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("Cannot locate the PostgreSQL driver's jar", e);
    }
  }
}
