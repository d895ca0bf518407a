package dev.hop.core;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.HopException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.testing.GitSandbox;
import dev.hop.core.testing.TestPostgres;
import dev.hop.core.validate.TestReport;
import dev.hop.core.validate.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A hop project as the archetype leaves it (model/ at 0.0.0, releases/, Patches/, .gitignore), in alice's clone of a
 * bare origin, with its databases on the test PostgreSQL under a prefix of its own (all dropped on close), driven
 * through hop-core's commands; validation runs the given {@link TestRunner} instead of forking Maven. A JUnit
 * extension: {@code @RegisterExtension final CoreProject project = new CoreProject();} sets one up before each test.
 */
final class CoreProject implements BeforeEachCallback, AfterEachCallback {
  private static final Path MODEL = Path.of("../hop-archetype/src/main/resources/archetype-resources/model");
  private static final TestRunner PASSING = (project, database) -> new TestReport(1, 0, 0, 0, List.of(), 0,
      Duration.ZERO);

  GitSandbox sandbox;
  final List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());
  private Path root;
  private String prefix;
  private TestRunner tests = PASSING;
  private final Map<String, String> variables = new java.util.HashMap<>();

  /** A project set up before each test of the class that registers it, in a folder of its own, removed after. */
  CoreProject() {
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    root = Files.createTempDirectory("hop-core-project-");
    sandbox = GitSandbox.create(root, "ho-prod", "alice");
    git("config", "--global", "gc.auto", "0");
    sandbox.write("alice", ".gitignore", "target/\nbackups/\n.hop/local/\n");
    sandbox.write("alice", "releases/README.md", "# Releases\n");
    sandbox.write("alice", "Patches/README.md", "# Patches\n");
    Path model = Files.createDirectories(dir().resolve("model"));
    for (String file : List.of("schema-0.0.0.sql", "metadata-0.0.0.sql")) {
      Files.copy(MODEL.resolve(file), model.resolve(file));
    }
    Files.createSymbolicLink(model.resolve("schema.sql"), Path.of("schema-0.0.0.sql"));
    sandbox.commitAll("alice", "[ho] Initial commit (release: 0.0.0)");
    sandbox.push("alice");
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    prefix = "core_" + HexFormat.of().formatHex(random);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      close();
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The folder that holds origin, alice's clone and git's home; free for a test's own files too. */
  Path root() {
    return root;
  }

  /** The goals from now on see {@code name=value} in their environment (a CI's variables, say). */
  void variable(String name, String value) {
    variables.put(name, value);
  }

  /** Validation from now on runs {@code tests}. */
  void tests(TestRunner tests) {
    this.tests = tests;
  }

  Path dir() {
    return sandbox.dir("alice");
  }

  /** A database name of this project: {@code <prefix>_<name>}. */
  String database(String name) {
    return prefix + "_" + name;
  }

  /** The development database's name. */
  String development() {
    return database("dev");
  }

  /** hop on this project, its {@code hop.url} naming {@code database} on the test server. */
  Hop hop(String database) {
    return Hop.open(settings(database), events::add, Clock.systemUTC(), environment(), tests);
  }

  /** hop on the development database. */
  Hop hop() {
    return hop(development());
  }

  /** One goal run on a hop. */
  @FunctionalInterface
  interface Goal<T> {
    T on(Hop hop) throws HopException;
  }

  /** Runs {@code goal} on the development database. */
  <T> T call(Goal<T> goal) throws HopException {
    return call(development(), goal);
  }

  /** Runs {@code goal} with {@code hop.url} naming {@code database}. */
  <T> T call(String database, Goal<T> goal) throws HopException {
    try (Hop hop = hop(database)) {
      return goal.on(hop);
    }
  }

  HopSettings settings(String database) {
    TestPostgres server = TestPostgres.get();
    return new HopSettings(dir(), Optional.of(server.jdbcUrl(database)), database, Optional.of(server.user()),
        Secret.of(server.password()), "it.hop.db", Optional.empty(), HopSettings.GitCredentials.NONE,
        Optional.empty(), Duration.ofMinutes(1), Duration.ofMinutes(30), CommandHints.NEUTRAL, Optional.empty());
  }

  GitEnvironment environment() {
    Map<String, String> all = new java.util.HashMap<>(variables);
    all.put("PATH", System.getenv().getOrDefault("PATH", ""));
    return new GitEnvironment(sandbox.config().home(), all);
  }

  /** patch-new {@code id} from ho-prod, then its files committed and pushed on its branch; ends on that branch. */
  void startPatch(String id, Map<String, String> files) throws HopException {
    try (Hop hop = hop()) {
      hop.patchNew().setId(id).setDescription("Patch " + id).call();
    }
    files.forEach((name, text) -> sandbox.write("alice", "Patches/" + id + "/" + name, text));
    git("add", "-A");
    git("commit", "-q", "-m", "Patch " + id);
    git("push", "-q", "origin", "ho-patch/" + id);
  }

  /** The project's databases on the server, by name. */
  List<String> databases() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix
            + "%' ORDER BY 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  String git(String... args) {
    return sandbox.cli().run(dir(), args);
  }

  String originGit(String... args) {
    return sandbox.cli().run(sandbox.originDir(), args);
  }

  /** Closes the sandbox and drops the project's databases. */
  private void close() throws SQLException {
    try {
      sandbox.close();
    } finally {
      try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
        for (String name : databases()) {
          s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
      }
    }
  }
}
