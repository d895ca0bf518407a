package dev.hop.archetype.it;

import dev.hop.archetype.it.JenkinsPipeline.Archive;
import dev.hop.archetype.it.JenkinsPipeline.Input;
import dev.hop.archetype.it.JenkinsPipeline.Sh;
import dev.hop.archetype.it.JenkinsPipeline.Stage;
import dev.hop.archetype.it.JenkinsPipeline.Step;
import dev.hop.archetype.it.JenkinsPipeline.WithCredentials;
import dev.hop.core.testing.MavenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Jenkins agent running a multibranch job's builds of the project on {@code origin}: a workspace per branch, kept
 * between builds, checked out as the Git plugin does it (a fetch of that one branch, then {@code git checkout -f} of
 * its commit: a detached HEAD); the agent's own HOME, without any Git configuration; the Git identity that the Git
 * plugin's global configuration passes as GIT_COMMITTER_NAME and the like; the pipeline's stages run in order with
 * Jenkins' variables and no terminal, each {@code sh} step by {@code sh -xe}; a failed step skips the stages after
 * it, and {@code post always} runs whatever happened. {@code input} is approved; credentials come from
 * {@link #credentials}.
 */
final class JenkinsAgent {
  /** Author and committer of what the job commits: the Git plugin's global user.name and user.email. */
  static final String GIT_NAME = "Jenkins";
  static final String GIT_EMAIL = "jenkins@example.invalid";

  /** One step run: its stage, what it ran, how it ended and what it printed. */
  record StepRun(String stage, String step, int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    String log() {
      return "[" + stage + "] " + step + " (exit " + exit + ")\n" + output;
    }
  }

  /** A build: its steps in order and the stages that ran; it succeeded when every step did. */
  record Build(String branch, List<String> stages, List<StepRun> steps) {
    boolean succeeded() {
      return steps.stream().allMatch(StepRun::ok);
    }

    String log() {
      StringBuilder log = new StringBuilder("Build of " + branch + ", stages " + stages + ":\n");
      steps.forEach(s -> log.append(s.log()).append('\n'));
      return log.toString();
    }

    /** The output of every step whose command contains {@code text}. */
    String outputOf(String text) {
      return String.join("\n", steps.stream().filter(s -> s.step().contains(text)).map(StepRun::output).toList());
    }
  }

  private final Path root;
  private final Path origin;
  private final Path home;
  private final Path bin;
  private final Map<String, String> jobEnvironment;
  private final Map<String, String[]> credentials = new HashMap<>();
  private int buildNumber;

  /**
   * An agent under {@code root} for the job of {@code origin}; {@code jobEnvironment} is what the job's
   * configuration adds (e.g. HOP_PROD_URL).
   */
  JenkinsAgent(Path root, Path origin, MavenRun maven, Map<String, String> jobEnvironment) throws IOException {
    this.root = root;
    this.origin = origin;
    this.home = Files.createDirectories(root.resolve("home"));
    this.bin = Files.createDirectories(root.resolve("tools"));
    this.jobEnvironment = Map.copyOf(jobEnvironment);
    Path mvn = bin.resolve("mvn"); // the agent's Maven: this build's repository and settings
    Files.writeString(mvn, "#!/bin/sh\nexec '" + MavenRun.mavenHome().resolve("bin/mvn") + "' -s '"
        + maven.settingsFile() + "' -Dmaven.repo.local='" + MavenRun.localRepository() + "' \"$@\" < /dev/null\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Sets the username and password credentials {@code id}. */
  void credentials(String id, String user, String password) {
    credentials.put(id, new String[] {user, password});
  }

  /** The workspace of {@code branch}'s job. */
  Path workspace(String branch) {
    return root.resolve("workspace").resolve(branch.replace('/', '_'));
  }

  /** Builds {@code branch} with the HOP_ACTION and PATCH_ID parameters, as the Jenkinsfile at its tip says. */
  Build build(String branch, String hopAction, String patchId) throws Exception {
    Path workspace = workspace(branch);
    String commit = checkout(branch, workspace);
    JenkinsPipeline pipeline = JenkinsPipeline.read(workspace.resolve("Jenkinsfile"));
    if (!pipeline.actions().contains(hopAction)) {
      throw new IllegalArgumentException(hopAction + " is not a choice of HOP_ACTION: " + pipeline.actions());
    }
    Path tmp = Files.createDirectories(workspace.resolveSibling(workspace.getFileName() + "@tmp"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("HOP_") || k.startsWith("GIT_")
        || k.startsWith("XDG_") || k.equals("MAVEN_ARGS") || k.equals("MAVEN_OPTS"));
    env.putAll(Map.of("HOME", home.toString(), "PATH", bin + ":" + System.getenv("PATH"), "GIT_CONFIG_NOSYSTEM", "1",
        "WORKSPACE", workspace.toString(), "WORKSPACE_TMP", tmp.toString(), "BRANCH_NAME", branch,
        "GIT_BRANCH", branch, "GIT_COMMIT", commit, "BUILD_NUMBER", String.valueOf(++buildNumber),
        "JOB_NAME", "demo/" + branch.replace("/", "%2F")));
    // the Git plugin's global user.name and user.email, which it passes to the build as these variables
    env.putAll(Map.of("GIT_AUTHOR_NAME", GIT_NAME, "GIT_AUTHOR_EMAIL", GIT_EMAIL, "GIT_COMMITTER_NAME", GIT_NAME,
        "GIT_COMMITTER_EMAIL", GIT_EMAIL));
    env.put("HOP_ACTION", hopAction);
    env.put("PATCH_ID", patchId);
    env.putAll(jobEnvironment);
    List<String> ran = new ArrayList<>();
    List<StepRun> steps = new ArrayList<>();
    boolean failed = false;
    for (Stage stage : pipeline.stages()) {
      if (failed || !stage.runsFor(branch, hopAction)) {
        continue;
      }
      ran.add(stage.name());
      failed = !run(stage.name(), stage.steps(), workspace, env, steps);
      run(stage.name(), stage.always(), workspace, env, steps);
    }
    return new Build(branch, List.copyOf(ran), List.copyOf(steps));
  }

  /** Runs {@code steps} until one fails; whether all succeeded. */
  private boolean run(String stage, List<Step> steps, Path workspace, Map<String, String> env, List<StepRun> runs)
      throws Exception {
    for (Step step : steps) {
      StepRun run;
      if (step instanceof Sh sh) {
        run = sh(stage, sh.script(), workspace, env);
      } else if (step instanceof Archive archive) {
        run = archive(stage, archive, workspace);
      } else if (step instanceof Input input) {
        run = new StepRun(stage, "input " + input.message(), 0, "Approved");
      } else {
        WithCredentials with = (WithCredentials) step;
        String[] secret = credentials.get(with.credentialsId());
        if (secret == null) {
          run = new StepRun(stage, "withCredentials " + with.credentialsId(), 1, "No such credentials");
        } else {
          Map<String, String> inner = new HashMap<>(env);
          inner.put(with.userVariable(), secret[0]);
          inner.put(with.passwordVariable(), secret[1]);
          run = run(stage, with.steps(), workspace, inner, runs) ? null
              : new StepRun(stage, "withCredentials " + with.credentialsId(), 1, "a nested step failed");
        }
      }
      if (run != null) {
        runs.add(run);
        System.out.println("JenkinsfileIT: [" + stage + "] exit " + run.exit() + ": "
            + run.step().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(""));
        if (!run.ok()) {
          return false;
        }
      }
    }
    return true;
  }

  private static StepRun sh(String stage, String script, Path workspace, Map<String, String> env) throws Exception {
    Path file = Files.createTempFile(workspace.resolveSibling(workspace.getFileName() + "@tmp"), "script", ".sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder("sh", "-xe", file.toString()).directory(workspace.toFile())
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("sh did not end after its output did: " + script);
    }
    Files.delete(file);
    return new StepRun(stage, script.strip(), process.exitValue(), output);
  }

  private static StepRun archive(String stage, Archive archive, Path workspace) throws IOException {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + archive.pattern());
    List<Path> found;
    try (Stream<Path> files = Files.walk(workspace)) {
      found = files.filter(Files::isRegularFile).map(workspace::relativize).filter(matcher::matches).toList();
    }
    boolean ok = !found.isEmpty() || archive.allowEmpty();
    return new StepRun(stage, "archiveArtifacts " + archive.pattern(), ok ? 0 : 1,
        ok ? "Archived " + found : "ERROR: No artifacts found that match the file pattern \"" + archive.pattern() + "\"");
  }

  /** Checks {@code branch} out into {@code workspace} as the Git plugin does; the commit built. */
  private String checkout(String branch, Path workspace) throws Exception {
    String refspec = "+refs/heads/" + branch + ":refs/remotes/origin/" + branch;
    if (Files.notExists(workspace.resolve(".git"))) {
      git(root, "init", "-q", workspace.toString());
      git(workspace, "config", "remote.origin.url", origin.toString());
      git(workspace, "config", "--add", "remote.origin.fetch", refspec);
    }
    git(workspace, "fetch", "--no-tags", "--force", "--", origin.toString(), refspec);
    String commit = git(workspace, "rev-parse", "refs/remotes/origin/" + branch + "^{commit}");
    git(workspace, "checkout", "-f", commit);
    return commit;
  }

  private String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n" + output);
    }
    return output;
  }
}
