package dev.hop.maven.it;

import dev.hop.core.testing.GitCli;
import dev.hop.core.testing.MavenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A hop project on disk for a scenario, laid out as the archetype leaves it (SPEC §2): a pom using the
 * plugin under test, {@code Patches/}, {@code releases/}, {@code model/} at 0.0.0, a Git repository on
 * {@code ho-prod} with its first commit pushed to a bare {@code origin} beside it.
 */
final class HopProject {

  private final Path dir;
  private final Path origin;
  private final GitCli git;

  private HopProject(Path dir, Path origin, GitCli git) {
    this.dir = dir;
    this.origin = origin;
    this.git = git;
  }

  /** Creates {@code root/<artifactId>} and {@code root/origin.git}; git runs with {@code root/home} as HOME. */
  static HopProject create(Path root, String artifactId) throws IOException {
    Path dir = Files.createDirectories(root.resolve(artifactId));
    Path origin = root.resolve("origin.git");
    GitCli git = new GitCli(root.resolve("home"));
    HopProject project = new HopProject(dir, origin, git);
    project.write("pom.xml", pom(artifactId));
    project.write(".gitignore", "target/\nbackups/\n.hop/local/\nbuild.log\n");
    project.write("Patches/README.md", "# Patches\n");
    project.write("releases/README.md", "# Releases\n");
    project.write("model/schema-0.0.0.sql", archetypeModel("schema-0.0.0.sql"));
    project.write("model/metadata-0.0.0.sql", archetypeModel("metadata-0.0.0.sql"));
    Files.createSymbolicLink(dir.resolve("model/schema.sql"), Path.of("schema-0.0.0.sql"));
    git.run(root, "init", "-q", "--bare", origin.toString());
    project.git("init", "-q", "-b", "ho-prod");
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "[ho] Initial commit (release: 0.0.0)");
    project.git("remote", "add", "origin", origin.toString());
    project.git("push", "-q", "-u", "origin", "ho-prod");
    return project;
  }

  Path dir() {
    return dir;
  }

  /** Clones origin into {@code root/<name>} on ho-prod, as a second developer would. */
  Path cloneAs(String name) {
    Path root = dir.getParent();
    git.run(root, "clone", "-q", "-b", "ho-prod", origin.toString(), root.resolve(name).toString());
    return root.resolve(name);
  }

  /** Runs the git CLI in another clone. */
  String git(Path clone, String... args) {
    return git.run(clone, args);
  }

  /** Commits every change of the project with {@code subject}. */
  void commitAll(String subject) {
    git("add", "-A");
    git("commit", "-q", "-m", subject);
  }

  /** The archetype's real model file (hop-archetype is a sibling module of this one). */
  private static String archetypeModel(String name) throws IOException {
    Path file = Path.of("..", "hop-archetype", "src", "main", "resources", "archetype-resources", "model", name);
    return Files.readString(file, StandardCharsets.UTF_8);
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

  /** Runs the git CLI in the project and returns its trimmed output. */
  String git(String... args) {
    return git.run(dir, args);
  }

  /** Runs the git CLI in the bare origin and returns its trimmed output. */
  String gitOrigin(String... args) {
    return git.run(origin, args);
  }

  private static String pom(String artifactId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>it.hop</groupId>
          <artifactId>%s</artifactId>
          <version>1.0-SNAPSHOT</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>dev.hop</groupId>
                <artifactId>hop-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <basePackage>it.hop.db</basePackage>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(artifactId, MavenRun.pluginVersion());
  }
}
