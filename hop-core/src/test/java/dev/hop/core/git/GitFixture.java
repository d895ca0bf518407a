package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.base.HopEvent;
import dev.hop.core.testing.GitCli;
import dev.hop.core.testing.GitSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A git sandbox whose origin has a first commit on ho-prod that alice and bob both have, with hop workspaces
 * opened on the clones and the events they emit; closing it checks origin with {@code git fsck --strict}. Made in a
 * folder given, or, registered as a test's extension ({@code @RegisterExtension}), anew for each test in a temporary
 * folder of its own, closed and deleted after it.
 */
final class GitFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  GitSandbox sandbox;
  final List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, GitWorkspace> workspaces = new LinkedHashMap<>();
  private Path root;

  /** A fixture set up before each test of the class that registers it. */
  GitFixture() {
  }

  GitFixture(Path dir) throws Exception {
    open(dir);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    open(Files.createTempDirectory("hop-git-fixture-"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      close();
    } finally {
      workspaces.clear();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The folder the sandbox is in. */
  Path root() {
    return root;
  }

  private void open(Path dir) throws Exception {
    root = dir;
    sandbox = GitSandbox.create(dir);
    // no background auto-gc (JGit runs it after fetch and receive) racing with the temp folder's removal
    cli().run(dir, "config", "--global", "gc.auto", "0");
    cli().run(dir, "config", "--global", "receive.autogc", "false");
    sandbox.write("alice", "README.md", "hop project\n");
    sandbox.write("alice", ".gitignore", "target/\n");
    sandbox.commitAll("alice", "[ho] Initial commit (release: 0.0.0)");
    sandbox.push("alice");
    cli().run(dir("bob"), "pull", "-q", "origin", "ho-prod");
  }

  GitCli cli() {
    return sandbox.cli();
  }

  Path dir(String developer) {
    return sandbox.dir(developer);
  }

  Path origin() {
    return sandbox.originDir();
  }

  /** The hop workspace on {@code developer}'s clone (opened once, closed with the fixture). */
  GitWorkspace workspace(String developer) throws Exception {
    GitWorkspace ws = workspaces.get(developer);
    if (ws == null) {
      ws = GitWorkspace.open(dir(developer), RemoteAccess.localOnly(), events::add);
      workspaces.put(developer, ws);
    }
    return ws;
  }

  /** Opens {@code developer}'s clone with {@code access} (replacing the local-only workspace). */
  GitWorkspace workspace(String developer, RemoteAccess access) throws Exception {
    GitWorkspace old = workspaces.remove(developer);
    if (old != null) {
      old.close();
    }
    GitWorkspace ws = GitWorkspace.open(dir(developer), access, events::add);
    workspaces.put(developer, ws);
    return ws;
  }

  /** Commits a file with the CLI in {@code developer}'s clone; returns the commit id. */
  String commit(String developer, String path, String content) {
    sandbox.write(developer, path, content);
    cli().run(dir(developer), "add", path);
    cli().run(dir(developer), "commit", "-q", "-m", "change " + path);
    return cli().run(dir(developer), "rev-parse", "HEAD");
  }

  String git(String developer, String... args) {
    return cli().run(dir(developer), args);
  }

  String originGit(String... args) {
    return cli().run(origin(), args);
  }

  static Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public void close() {
    workspaces.values().forEach(GitWorkspace::close);
    try {
      GitCli.Result fsck = cli().exec(origin(), "fsck", "--strict");
      assertThat(fsck.exitCode()).as("git fsck --strict on origin: %s", fsck.stderr()).isZero();
    } finally {
      sandbox.close();
    }
  }
}
