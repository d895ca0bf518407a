package dev.hop.archetype.it;

import dev.hop.core.testing.MavenRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bash block of README.md's "Quickstart" section, run as written by bash in an empty folder. Only the programs
 * it calls are wrapped: {@code mvn} gets this build's repository and settings (the IT repository holding hop under
 * test), and each {@code mvn} and {@code psql} run is framed in the output, so that a test can tell what each
 * command printed, how it ended and how long it took.
 */
final class ReadmeQuickstart {
  private static final String SECTION = "## Quickstart";
  /** Frames start a line, or end one that a program left unterminated (Maven's last colour reset). */
  private static final Pattern RUN = Pattern.compile("(.*)### run (\\S+) (.*)");
  private static final Pattern EXIT = Pattern.compile("(.*)### exit (\\d+) (\\d+) ms");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Pattern FAILED = Pattern.compile("(.*)### failed (\\d+): (.*)");

  /** One run of a wrapped program: its arguments as bash expanded them, its output, exit code and duration. */
  record Step(String program, String args, List<String> lines, int exit, long millis) {
    boolean ok() {
      return exit == 0;
    }

    String log() {
      return "$ " + program + " " + args + "\n" + String.join("\n", lines);
    }
  }

  /** What the block did: the wrapped runs, the commands bash saw fail (ERR trap), bash's exit code. */
  record Outcome(List<Step> steps, List<String> failedCommands, int exit, List<String> output) {
    /** The runs of {@code program} whose arguments start with {@code args}, in order. */
    List<Step> runs(String program, String args) {
      return steps.stream().filter(s -> s.program().equals(program) && s.args().startsWith(args)).toList();
    }

    /** The one run of {@code program} whose arguments start with {@code args}. */
    Step run(String program, String args) {
      List<Step> found = runs(program, args);
      if (found.size() != 1) {
        throw new AssertionError(found.size() + " runs of " + program + " " + args + " in:\n"
            + String.join("\n", output));
      }
      return found.get(0);
    }
  }

  private final String script;

  private ReadmeQuickstart(String script) {
    this.script = script;
  }

  /** The block of {@code readme}'s Quickstart section (its first fenced {@code bash} block). */
  static ReadmeQuickstart from(Path readme) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int section = text.indexOf("\n" + SECTION + "\n");
    if (section < 0) {
      throw new IllegalStateException("No '" + SECTION + "' section in " + readme);
    }
    int start = text.indexOf("```bash\n", section);
    int end = start < 0 ? -1 : text.indexOf("\n```\n", start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException("No ```bash block in the '" + SECTION + "' section of " + readme);
    }
    return new ReadmeQuickstart(text.substring(start + "```bash\n".length(), end + 1));
  }

  String script() {
    return script;
  }

  /**
   * Runs the block with bash in {@code workDir}, with {@code environment} added (HOME and git's configuration);
   * the wrappers go to {@code bin}.
   */
  Outcome run(Path workDir, Path bin, MavenRun maven, Map<String, String> environment) throws Exception {
    Files.createDirectories(bin);
    wrap(bin, "mvn", MavenRun.mavenHome().resolve("bin/mvn") + " -s '" + maven.settingsFile() + "' -Dmaven.repo.local='"
        + MavenRun.localRepository() + "'");
    wrap(bin, "psql", onPath("psql").toString());
    Path file = workDir.resolveSibling("quickstart.sh");
    Files.writeString(file, "set -E\ntrap 'echo \"### failed $?: $BASH_COMMAND\"' ERR\n" + script,
        StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString())
        .directory(workDir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("HOP_") || k.equals("MAVEN_ARGS"));
    env.putAll(environment);
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    Process bash = builder.start();
    bash.getOutputStream().close();
    List<String> output = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        String line = ANSI.matcher(raw).replaceAll(""); // Maven's colour resets, even with -B
        output.add(line);
        int frame = line.indexOf("### ");
        if (frame >= 0) {
          System.out.println("EndToEndIT: " + line.substring(frame + 4));
        }
      }
    }
    if (!bash.waitFor(1, TimeUnit.MINUTES)) {
      bash.descendants().forEach(ProcessHandle::destroyForcibly);
      bash.destroyForcibly();
      throw new AssertionError("bash did not end after its output did");
    }
    return parse(output, bash.exitValue());
  }

  private static Outcome parse(List<String> output, int exit) {
    List<Step> steps = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Matcher open = null;
    List<String> lines = new ArrayList<>();
    for (String line : output) {
      Matcher run = RUN.matcher(line);
      Matcher end = EXIT.matcher(line);
      Matcher fail = FAILED.matcher(line);
      if (run.matches()) {
        open = run;
        lines = new ArrayList<>();
      } else if (end.matches() && open != null) {
        if (!end.group(1).isBlank()) {
          lines.add(end.group(1));
        }
        steps.add(new Step(open.group(2), open.group(3), List.copyOf(lines), Integer.parseInt(end.group(2)),
            Long.parseLong(end.group(3))));
        open = null;
      } else if (fail.matches()) {
        failed.add(fail.group(3));
      } else if (open != null) {
        lines.add(line);
      }
    }
    return new Outcome(List.copyOf(steps), List.copyOf(failed), exit, List.copyOf(output));
  }

  /** Writes {@code bin/<name>}: frames the run of {@code command} in the output, with its exit code and duration. */
  private static void wrap(Path bin, String name, String command) throws IOException {
    Path wrapper = bin.resolve(name);
    Files.writeString(wrapper, "#!/bin/sh\n"
        + "# EndToEndIT: README's " + name + ", framed in the output\n"
        + "start=$(date +%s%N)\n"
        + "echo \"### run " + name + " $*\"\n"
        + command + " \"$@\" < /dev/null\n"
        + "rc=$?\n"
        + "echo \"### exit $rc $(( ($(date +%s%N) - start) / 1000000 )) ms\"\n"
        + "exit $rc\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(program + " is not on the PATH; README's quickstart needs it (Prerequisites)");
  }
}
