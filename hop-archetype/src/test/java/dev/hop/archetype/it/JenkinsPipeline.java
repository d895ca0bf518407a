package dev.hop.archetype.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stages of a declarative Jenkinsfile, read as Jenkins reads them for the subset the archetype's pipeline uses:
 * {@code when { branch '…' }} (with {@code params.HOP_ACTION == '…'}), and {@code sh}, {@code archiveArtifacts},
 * {@code input} and {@code withCredentials} steps, in {@code steps} and {@code post { always }}. A step or condition
 * outside that subset fails the parse: a pipeline edited beyond what the test can run is noticed, not half-run.
 */
final class JenkinsPipeline {
  private static final Pattern STAGE = Pattern.compile("\\bstage\\('([^']+)'\\)\\s*\\{");
  private static final Pattern BRANCH = Pattern.compile("\\bbranch '([^']+)'");
  private static final Pattern ACTION = Pattern.compile("params\\.HOP_ACTION == '([^']+)'");
  private static final Pattern CHOICES = Pattern.compile("name: 'HOP_ACTION', choices: \\[([^\\]]*)\\]");
  private static final Pattern WHEN_WORDS = Pattern.compile("\\b(allOf|branch|expression|params|HOP_ACTION)\\b|"
      + "'[^']*'|==|[{};()\\s.]");

  /** A step of a stage, as the test agent runs it. */
  sealed interface Step permits Sh, Archive, Input, WithCredentials {
  }

  /** {@code sh}: a shell script, its Groovy escapes resolved. */
  record Sh(String script) implements Step {
  }

  /** {@code archiveArtifacts}: a file pattern that must match unless {@code allowEmpty}. */
  record Archive(String pattern, boolean allowEmpty) implements Step {
  }

  /** {@code input}: a person approves; the test approves. */
  record Input(String message) implements Step {
  }

  /** {@code withCredentials}: the credentials' variables set for the nested steps. */
  record WithCredentials(String credentialsId, String userVariable, String passwordVariable, List<Step> steps)
      implements Step {
  }

  /**
   * A stage: it runs when the build's branch matches {@code branchGlob} and, if present, the HOP_ACTION parameter
   * is {@code action}.
   */
  record Stage(String name, String branchGlob, Optional<String> action, List<Step> steps, List<Step> always) {
    boolean runsFor(String branch, String hopAction) {
      return glob(branchGlob).matcher(branch).matches() && action.map(hopAction::equals).orElse(true);
    }

    private static Pattern glob(String glob) {
      return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }
  }

  private final List<Stage> stages;
  private final List<String> actions;

  private JenkinsPipeline(List<Stage> stages, List<String> actions) {
    this.stages = stages;
    this.actions = actions;
  }

  List<Stage> stages() {
    return stages;
  }

  /** The choices of the HOP_ACTION parameter. */
  List<String> actions() {
    return actions;
  }

  static JenkinsPipeline read(Path jenkinsfile) throws IOException {
    String text = withoutLineComments(Files.readString(jenkinsfile, StandardCharsets.UTF_8));
    Matcher choices = CHOICES.matcher(text);
    if (!choices.find()) {
      throw new IllegalStateException("No HOP_ACTION choice parameter in " + jenkinsfile);
    }
    List<String> actions = new ArrayList<>();
    for (String choice : choices.group(1).split(",")) {
      actions.add(unquote(choice.strip()));
    }
    List<Stage> stages = new ArrayList<>();
    Matcher stage = STAGE.matcher(text);
    int from = 0;
    while (stage.find(from)) {
      int open = stage.end() - 1;
      int close = closing(text, open);
      stages.add(stage(stage.group(1), text.substring(open + 1, close)));
      from = close + 1;
    }
    if (stages.isEmpty()) {
      throw new IllegalStateException("No stage in " + jenkinsfile);
    }
    return new JenkinsPipeline(List.copyOf(stages), List.copyOf(actions));
  }

  private static Stage stage(String name, String body) {
    String when = block(body, "when").orElseThrow(() -> new IllegalStateException("Stage '" + name + "': no when"));
    Matcher branch = BRANCH.matcher(when);
    if (!branch.find()) {
      throw new IllegalStateException("Stage '" + name + "': its when names no branch");
    }
    Matcher action = ACTION.matcher(when);
    Optional<String> hopAction = action.find() ? Optional.of(action.group(1)) : Optional.empty();
    String unknown = WHEN_WORDS.matcher(when).replaceAll("");
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("Stage '" + name + "': a condition this test cannot evaluate: " + when);
    }
    List<Step> steps = steps(name, block(body, "steps").orElseThrow());
    List<Step> always = block(body, "post").map(post -> block(post, "always").orElseThrow(
        () -> new IllegalStateException("Stage '" + name + "': a post condition other than always")))
        .map(b -> steps(name, b)).orElse(List.of());
    return new Stage(name, branch.group(1), hopAction, steps, always);
  }

  private static final Pattern SH = Pattern.compile("sh\\s+(?:'''(.*?)'''|'((?:[^'\\\\]|\\\\.)*)')",
      Pattern.DOTALL);
  private static final Pattern ARCHIVE = Pattern.compile(
      "archiveArtifacts\\s+artifacts:\\s*'([^']+)'(\\s*,\\s*allowEmptyArchive:\\s*true)?");
  private static final Pattern INPUT = Pattern.compile("input\\s+message:\\s*'([^']*)'");
  private static final Pattern CREDENTIALS = Pattern.compile("withCredentials\\(\\[usernamePassword\\("
      + "credentialsId:\\s*'([^']+)',\\s*usernameVariable:\\s*'([^']+)',\\s*passwordVariable:\\s*'([^']+)'\\)\\]\\)"
      + "\\s*\\{");

  /** The steps of {@code body}, in order; anything else in it fails. */
  private static List<Step> steps(String stage, String body) {
    List<Step> steps = new ArrayList<>();
    int at = 0;
    while (true) {
      while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
        at++;
      }
      if (at == body.length()) {
        return List.copyOf(steps);
      }
      String rest = body.substring(at);
      Matcher m;
      if ((m = SH.matcher(rest)).lookingAt()) {
        steps.add(new Sh(groovyUnescape(m.group(1) != null ? m.group(1) : m.group(2))));
      } else if ((m = ARCHIVE.matcher(rest)).lookingAt()) {
        steps.add(new Archive(m.group(1), m.group(2) != null));
      } else if ((m = INPUT.matcher(rest)).lookingAt()) {
        steps.add(new Input(m.group(1)));
      } else if ((m = CREDENTIALS.matcher(rest)).lookingAt()) {
        int open = at + m.end() - 1;
        int close = closing(body, open);
        steps.add(new WithCredentials(m.group(1), m.group(2), m.group(3),
            steps(stage, body.substring(open + 1, close))));
        at = close + 1;
        continue;
      } else {
        throw new IllegalStateException("Stage '" + stage + "': a step this test cannot run: "
            + rest.lines().findFirst().orElse(""));
      }
      at += m.end();
    }
  }

  /** The body of {@code name { … }} directly in {@code text}. */
  private static Optional<String> block(String text, String name) {
    Matcher m = Pattern.compile("\\b" + name + "\\s*\\{").matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    int open = m.end() - 1;
    return Optional.of(text.substring(open + 1, closing(text, open)));
  }

  /** The index of the brace closing the one at {@code open}, skipping quoted strings. */
  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (text.startsWith("'''", i)) {
        i = text.indexOf("'''", i + 3) + 2;
      } else if (c == '\'' || c == '"') {
        for (i++; text.charAt(i) != c; i++) {
          if (text.charAt(i) == '\\') {
            i++;
          }
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("Unbalanced braces in the Jenkinsfile");
  }

  /** Drops lines that are {@code //} comments (the pipeline has no comment after code). */
  private static String withoutLineComments(String text) {
    StringBuilder kept = new StringBuilder();
    text.lines().filter(l -> !l.strip().startsWith("//")).forEach(l -> kept.append(l).append('\n'));
    return kept.toString();
  }

  /** A single-quoted Groovy string's content: {@code \\} and {@code \'} are its only escapes. */
  private static String groovyUnescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '\'')) {
        out.append(s.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '\'' || s.charAt(s.length() - 1) != '\'') {
      throw new IllegalStateException("Not a quoted string: " + s);
    }
    return s.substring(1, s.length() - 1);
  }
}
