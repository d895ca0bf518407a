package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks the clean check against what {@code git status} sees. */
class WorkTreeCheckIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();
  private WorkTreeCheck check;

  @BeforeEach
  void open() throws Exception {
    check = new WorkTreeCheck(git.workspace("alice"));
  }


  @Test
  void freshCloneIsClean() throws Exception {
    assertThat(check.changes().isClean()).isTrue();
    check.requireClean("start a patch");
    assertThat(git.workspace("alice").currentBranch()).isEqualTo("ho-prod");
  }

  @Test
  void ignoredFilesDoNotCount() throws Exception {
    git.sandbox.write("alice", "target/classes/A.class", "x");

    assertThat(git.git("alice", "status", "--porcelain")).isEmpty();
    assertThat(check.changes().isClean()).isTrue();
  }

  @Test
  void modifiedStagedAndUntrackedAreListed() throws Exception {
    git.sandbox.write("alice", "README.md", "changed\n");
    git.sandbox.write("alice", "Patches/1/README.md", "new, staged\n");
    git.git("alice", "add", "Patches/1/README.md");
    git.sandbox.write("alice", "notes.txt", "untracked\n");
    git.sandbox.write("alice", "target/out.txt", "ignored\n");

    WorkTreeCheck.Changes changes = check.changes();

    assertThat(changes.modified()).containsExactly("README.md");
    assertThat(changes.staged()).containsExactly("Patches/1/README.md");
    assertThat(changes.untracked()).containsExactly("notes.txt");
    assertThat(git.git("alice", "status", "--porcelain").lines().map(l -> l.substring(3)).sorted().toList())
        .isEqualTo(changes.all());
    assertThatThrownBy(() -> check.requireClean("start patch 12-users"))
        .isInstanceOfSatisfying(RepositoryStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NOT_CLEAN);
          assertThat(e.paths()).isEqualTo(List.of("Patches/1/README.md", "README.md", "notes.txt"));
        })
        .hasMessageStartingWith("Repository is not clean: cannot start patch 12-users with 3 uncommitted files")
        .hasMessageContaining("modified: README.md; staged: Patches/1/README.md; untracked: notes.txt")
        .hasMessageEndingWith("git stash --include-untracked");
  }

  @Test
  void everyKindOfChangeReadsTheSameThroughGitAsThroughJGit() throws Exception {
    git.commit("alice", "Patches/1/01-a.sql", "a\n");
    git.commit("alice", "Patches/1/02-b.sql", "b\n");
    git.commit("alice", "Patches/1/03-c.sql", "c\n");
    git.commit("alice", "Patches/1/04-d.sql", "d\n");
    git.sandbox.write("alice", "README.md", "changed, then staged, then changed again\n");
    git.git("alice", "add", "README.md");
    git.sandbox.write("alice", "README.md", "changed again\n");
    Files.delete(git.dir("alice").resolve("Patches/1/01-a.sql"));
    git.git("alice", "rm", "-q", "Patches/1/02-b.sql");
    git.sandbox.write("alice", "Patches/1/03-c.sql", "c, staged\n");
    git.git("alice", "add", "Patches/1/03-c.sql");
    git.git("alice", "mv", "Patches/1/04-d.sql", "Patches/1/05-d.sql");
    git.sandbox.write("alice", "Patches/2 été/01 new file.sql", "untracked, in a new folder\n");
    git.sandbox.write("alice", "target/out.txt", "ignored\n");
    Path calls = git.root().resolve("calls.txt");
    Path bin = Files.createDirectories(git.root().resolve("bin"));
    script(bin.resolve("git"), "echo \"$@\" >> '" + calls + "'\nexec git \"$@\"\n");

    WorkTreeCheck.Changes throughGit;
    try (GitWorkspace workspace = GitWorkspace.open(git.dir("alice"), access(bin, realPath()), e -> { })) {
      throughGit = new WorkTreeCheck(workspace).changes();
    }

    assertThat(Files.readAllLines(calls)).singleElement().asString().contains("status");
    assertThat(throughGit).isEqualTo(check.changes());
    assertThat(throughGit.modified()).containsExactly("Patches/1/01-a.sql", "README.md");
    assertThat(throughGit.staged())
        .containsExactly("Patches/1/02-b.sql", "Patches/1/03-c.sql", "Patches/1/04-d.sql", "Patches/1/05-d.sql",
            "README.md");
    assertThat(throughGit.untracked()).containsExactly("Patches/2 été/01 new file.sql");
  }

  @Test
  void aConflictCountsAsModifiedThroughGitAsThroughJGit() throws Exception {
    git.commit("bob", "README.md", "bob's\n");
    git.git("bob", "push", "-q", "origin", "ho-prod");
    git.commit("alice", "README.md", "alice's\n");
    git.git("alice", "fetch", "-q", "origin");
    git.cli().exec(git.dir("alice"), "merge", "-q", "origin/ho-prod");
    Path bin = Files.createDirectories(git.root().resolve("bin"));
    script(bin.resolve("git"), "exec git \"$@\"\n");

    try (GitWorkspace workspace = GitWorkspace.open(git.dir("alice"), access(bin, realPath()), e -> { })) {
      WorkTreeCheck.Changes throughGit = new WorkTreeCheck(workspace).changes();
      assertThat(throughGit.modified()).containsExactly("README.md");
      assertThat(throughGit).isEqualTo(check.changes());
    }
  }

  @Test
  void whenGitRefusesTheRepositoryJGitReadsTheStatus() throws Exception {
    git.sandbox.write("alice", "notes.txt", "untracked\n");
    Path calls = git.root().resolve("calls.txt");
    Path bin = Files.createDirectories(git.root().resolve("bin"));
    script(bin.resolve("git"), "echo refused >> '" + calls + "'\n"
        + "echo 'fatal: detected dubious ownership in repository' >&2\nexit 128\n");

    try (GitWorkspace workspace = GitWorkspace.open(git.dir("alice"), access(bin, ""), e -> { })) {
      assertThat(new WorkTreeCheck(workspace).changes().untracked()).containsExactly("notes.txt");
    }
    assertThat(Files.readAllLines(calls)).containsExactly("refused");
  }

  @Test
  void porcelainOutputIsReadEntryByEntryAndAnythingUnexpectedIsLeftToJGit() {
    assertThat(GitStatusProgram.parse(bytes(""))).contains(new WorkTreeCheck.Changes(List.of(), List.of(), List.of()));
    assertThat(GitStatusProgram.parse(bytes("?? b c\0 M a\0MM d\0A  e\0 D f\0T  g\0UU h\0DD i\0")))
        .contains(new WorkTreeCheck.Changes(List.of("a", "d", "f", "h", "i"), List.of("d", "e", "g"),
            List.of("b c")));
    assertThat(GitStatusProgram.parse(bytes("R  new\0old\0"))).isEmpty();
    assertThat(GitStatusProgram.parse(bytes(" M a"))).isEmpty();
    assertThat(GitStatusProgram.parse(bytes("M\0"))).isEmpty();
    assertThat(GitStatusProgram.parse(bytes("!! target/x\0"))).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The PATH of this JVM, for a wrapper that runs the real git. */
  private static String realPath() {
    return System.getenv().getOrDefault("PATH", "");
  }

  private static RemoteAccess access(Path bin, String morePath) {
    String path = morePath.isEmpty() ? bin.toString() : bin + java.io.File.pathSeparator + morePath;
    return RemoteAccess.of(dev.hop.core.base.HopSettings.GitCredentials.NONE,
        new GitEnvironment(Path.of("/nonexistent"), Map.of("PATH", path)));
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void notARepositoryIsRefusedWithTheFolder() {
    assertThatThrownBy(() -> GitWorkspace.open(git.root().resolve("sandbox"), RemoteAccess.localOnly(), e -> { }))
        .isInstanceOf(RepositoryStateException.class).hasMessageContaining("Not a Git repository");
  }
}
