package dev.hop.archetype.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.archetype.it.ReadmeQuickstart.Outcome;
import dev.hop.archetype.it.ReadmeQuickstart.Step;
import dev.hop.core.testing.GitCli;
import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README's quickstart as a new user meets it: the block of README.md, as written, with bash, the
 * freshly built archetype and plugin, real Maven, Git, PostgreSQL (the projects' embedded servers) and psql, from an
 * empty folder to two production upgrades; then checks what each command printed, origin and the files left.
 */
class EndToEndIT {
  private static final Path README = Path.of("..", "README.md");

  @TempDir
  Path root;

  @AfterEach
  void noServerLeft() {
    List<ProcessHandle> left = postgresUnder(root);
    left.forEach(ProcessHandle::destroy);
    left.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
  }

  @Test
  void readmeQuickstartRunsAsWritten() throws Exception {
    long start = System.nanoTime();
    ReadmeQuickstart quickstart = ReadmeQuickstart.from(README);
    String version = MavenRun.pluginVersion();
    assertThat(quickstart.script()).as("README's quickstart names the versions of this build")
        .contains("maven-archetype-plugin:" + MavenRun.required("hop.it.archetypePluginVersion") + ":generate")
        .contains("-DarchetypeVersion=" + version)
        .contains("dev.hop:hop-maven-plugin:" + version + ":clone");
    GitCli git = new GitCli(root.resolve("home"));
    git.run(root, "config", "--global", "user.name", "Ada Lovelace");
    git.run(root, "config", "--global", "user.email", "ada@example.org");
    MavenRun maven = MavenRun.forThisBuild(root, git.environment());
    ArchetypeCatalog.listTheArchetypeAsInstallDoes();
    Path work = Files.createDirectories(root.resolve("work"));

    Outcome out = quickstart.run(work, root.resolve("bin"), maven, git.environment());

    assertThat(out.exit()).as(String.join("\n", out.output())).isZero();
    assertThat(out.failedCommands()).as("the one command README shows failing")
        .containsExactly("mvn -B hop:patch-add -Did=2-orders $DB");
    Step refused = out.run("mvn", "-B hop:patch-add -Did=2-orders");
    assertThat(refused.log()).contains("Tests failed for patch integration: 2-orders into 0.1.0-stage")
        .contains("OrdersTest.ordersHaveATotal: orders has no total column");
    for (Step step : out.steps()) {
      if (step != refused) {
        assertThat(step.ok()).as(step.log()).isTrue();
        assertThat(step.lines()).as("warnings of " + step.program() + " " + step.args())
            .noneMatch(l -> l.startsWith("[WARNING]") || l.contains("] [WARNING]"));
      }
    }
    Path origin = work.resolve("demo-origin.git");
    Path demo = work.resolve("demo");
    Path prod = work.resolve("demo-prod");

    // development: the project's embedded server, asked for by no url
    assertThat(out.run("mvn", "-B org.apache.maven.plugins:maven-archetype-plugin").lines())
        .contains("[INFO] Git repository created on branch ho-prod: [ho] Initial commit (release: 0.0.0)",
            "[INFO] Pushed ho-prod to " + origin);
    assertThat(out.runs("mvn", "-B hop:patch-apply").get(0).lines()).anyMatch(l -> l.startsWith(
        "[INFO] Development database: demo on the embedded PostgreSQL 15.19.0 at 127.0.0.1:"));
    assertThat(out.runs("mvn", "-B test").get(0).log()).contains("in com.example.db.public_.UsersTest")
        .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    assertThat(out.run("mvn", "-B hop:patch-add -Did=1-users").log())
        .contains("Development database: demo on the embedded PostgreSQL");
    assertThat(out.run("mvn", "-B hop:status").lines()).contains("[INFO] Production version: 0.1.0");

    // production: the clone's own embedded server stands in, reached with hop.url and PGPASSFILE
    assertThat(out.run("mvn", "-B dev.hop:hop-maven-plugin:" + version + ":clone").lines())
        .anyMatch(l -> l.startsWith("[INFO] Development database: demo on the embedded PostgreSQL")
            && l.endsWith(" of the clone; stop it with mvn hop:db-stop in " + prod))
        .contains("[INFO] Cloned into " + prod + " on ho-prod; development database demo is at production 0.1.0");
    assertThat(out.runs("psql", "-h 127.0.0.1")).hasSize(2);
    assertThat(out.runs("psql", "-h 127.0.0.1").get(0).lines()).containsExactly("INSERT 0 1");
    assertThat(out.run("mvn", "-B hop:update").lines()).containsSubsequence("[INFO] Database demo_prod version: 0.1.0",
        "[INFO] Release 0.2.0: 3-emails", "[INFO] Upgrade path: 0.1.0 -> 0.2.0");
    assertThat(prod.resolve("target/hop/upgrade-plan.sql")).content().contains("ADD COLUMN email text");
    assertThat(out.runs("psql", "-h 127.0.0.1").get(1).lines()).anyMatch(l -> l.matches("\\s*name\\s+\\|\\s+email\\s*"))
        .anyMatch(l -> l.matches("\\s*first customer\\s+\\|\\s*")).contains("(1 row)");
    assertThat(out.runs("mvn", "-B hop:db-stop")).hasSize(2).allSatisfy(s -> assertThat(s.lines())
        .anyMatch(l -> l.startsWith("[INFO] Stopped the embedded PostgreSQL of this project (pid ")));
    assertThat(postgresUnder(root)).as("the quickstart stops both servers").isEmpty();

    // the passwords: owner-only files, never printed
    for (Path project : List.of(demo, prod)) {
      assertThat(permissions(project.resolve(".hop/local/password"))).isEqualTo("rw-------");
      assertThat(permissions(project.resolve(".hop/local/pgpass"))).isEqualTo("rw-------");
      String password = Files.readString(project.resolve(".hop/local/password")).strip();
      assertThat(String.join("\n", out.output())).doesNotContain(password);
    }

    // what is left: origin, the release files, the backup, clean work trees
    assertThat(git.run(origin, "show", "ho-prod:releases/0.1.0.txt")).isEqualTo("1-users");
    assertThat(git.run(origin, "show", "ho-prod:releases/0.2.0.txt")).isEqualTo("3-emails");
    assertThat(git.run(origin, "tag", "-l", "v*")).isEqualTo("v0.1.0\nv0.1.0-rc1\nv0.2.0\nv0.2.0-rc1");
    assertThat(git.run(origin, "branch", "--list", "ho-release/*")).contains("ho-release/0.1.0/1-users",
        "ho-release/0.2.0/3-emails");
    assertThat(git.run(origin, "log", "-1", "--format=%s", "ho-patch/2-orders"))
        .isEqualTo("[ho] 0.2.0 promoted (MERGE REQUIRED)");
    assertThat(git.run(origin, "ls-tree", "--name-only", "ho-prod", "releases/")).doesNotContain("stage");
    assertThat(Files.readSymbolicLink(demo.resolve("model/schema.sql"))).hasToString("schema-0.2.0.sql");
    List<Path> backups;
    try (Stream<Path> files = Files.list(prod.resolve("backups"))) {
      backups = files.toList();
    }
    assertThat(backups).singleElement().satisfies(b -> assertThat(permissions(b)).isEqualTo("rw-------"));
    assertThat(git.run(demo, "status", "--porcelain")).isEmpty();
    assertThat(git.run(prod, "status", "--porcelain")).isEmpty();
    assertThat(git.run(prod, "rev-parse", "HEAD")).isEqualTo(git.run(origin, "rev-parse", "ho-prod"));

    long took = (System.nanoTime() - start) / 1_000_000_000L;
    long inMaven = out.steps().stream().filter(s -> s.program().equals("mvn")).mapToLong(Step::millis).sum() / 1000;
    System.out.printf("EndToEndIT: README's quickstart took %d s (%d mvn runs, %d s in Maven)%n", took,
        out.runs("mvn", "").size(), inMaven);
  }

  /** The live postgres processes whose command line names a folder under {@code root}. */
  static List<ProcessHandle> postgresUnder(Path root) {
    String prefix = root.toString();
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(prefix)).orElse(false))
        .toList();
  }

  private static String permissions(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
