package dev.hop.maven.it;

import dev.hop.core.testing.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Git side of a scenario project: {@code root/<artifactId>} laid out as the archetype leaves it,
 * on {@code ho-prod}, its first commit pushed to a bare {@code root/origin.git}; git runs isolated with
 * {@code root/home} as HOME.
 */
abstract class ScenarioRepository {
  private final Path dir;
  private final Path origin;
  private final GitCli git;

  ScenarioRepository(Path root, String artifactId) throws IOException {
    this.dir = Files.createDirectories(root.resolve(artifactId));
    this.origin = root.resolve("origin.git");
    this.git = new GitCli(root.resolve("home"));
  }

  /** Writes the pom, the folders of a hop project and the archetype's real model/ at 0.0.0. */
  final void layOut(String pom) throws IOException {
    write("pom.xml", pom);
    write(".gitignore", "target/\nbackups/\n.hop/local/\nbuild.log\n");
    write("Patches/README.md", "# Patches\n");
    write("releases/README.md", "# Releases\n");
    write("model/schema-0.0.0.sql", archetypeModel("schema-0.0.0.sql"));
    write("model/metadata-0.0.0.sql", archetypeModel("metadata-0.0.0.sql"));
    Files.createSymbolicLink(dir.resolve("model/schema.sql"), Path.of("schema-0.0.0.sql"));
  }

  /** Makes the repository: ho-prod, the first commit of everything written, pushed to a new bare origin. */
  final void publish() {
    git.run(dir.getParent(), "init", "-q", "--bare", origin.toString());
    git("init", "-q", "-b", "ho-prod");
    commitAll("[ho] Initial commit (release: 0.0.0)");
    git("remote", "add", "origin", origin.toString());
    git("push", "-q", "-u", "origin", "ho-prod");
  }

  /** The archetype's real model file (hop-archetype is a sibling module of this one). */
  private static String archetypeModel(String name) throws IOException {
    Path file = Path.of("..", "hop-archetype", "src", "main", "resources", "archetype-resources", "model", name);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  Path dir() {
    return dir;
  }

  Path origin() {
    return origin;
  }

  /** The environment Maven needs so that the goals' Git sees the same isolated configuration. */
  Map<String, String> gitEnvironment() {
    return git.environment();
  }

  /** Writes a file of the project (folders created). */
  Path write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  String read(String path) throws IOException {
    return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
  }

  /** Runs the git CLI in the project and returns its trimmed output. */
  String git(String... args) {
    return git.run(dir, args);
  }

  /** Runs the git CLI in another clone. */
  String git(Path clone, String... args) {
    return git.run(clone, args);
  }

  /** Runs the git CLI in the bare origin and returns its trimmed output. */
  String gitOrigin(String... args) {
    return git.run(origin, args);
  }

  /** Commits every change of the project with {@code subject}. */
  void commitAll(String subject) {
    git("add", "-A");
    git("commit", "-q", "-m", subject);
  }
}
