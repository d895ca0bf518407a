package dev.hop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the sandbox with JGit doing the work and the git CLI checking it. */
class GitSandboxIT {

  @TempDir
  Path dir;

  private SystemReader before;
  private GitSandbox sandbox;

  @BeforeEach
  void open() {
    before = SystemReader.getInstance();
    sandbox = GitSandbox.create(dir);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void alicePushesThroughJGitAndBobFetchesIt() throws Exception {
    sandbox.write("alice", "patches/1-init/01.sql", "create table t (id int);\n");
    RevCommit commit = sandbox.commitAll("alice", "[ho] add patch 1-init");
    sandbox.push("alice");

    sandbox.fetch("bob");

    ObjectId bobSees = sandbox.git("bob").getRepository().resolve("refs/remotes/origin/ho-prod");
    assertThat(bobSees).isEqualTo(commit.getId());
    GitCli git = sandbox.cli();
    assertThat(git.run(sandbox.originDir(), "rev-parse", "refs/heads/ho-prod")).isEqualTo(commit.getName());
    assertThat(git.run(sandbox.originDir(), "log", "-1", "--format=%s%n%an <%ae>"))
        .isEqualTo("[ho] add patch 1-init\nalice <alice@example.invalid>");
    assertThat(git.run(sandbox.originDir(), "symbolic-ref", "HEAD")).isEqualTo("refs/heads/ho-prod");
    assertThat(git.run(sandbox.dir("bob"), "ls-remote", "origin", "ho-prod"))
        .isEqualTo(commit.getName() + "\trefs/heads/ho-prod");
    assertThat(git.exec(sandbox.originDir(), "fsck", "--strict").exitCode()).isZero();
  }

  @Test
  void clonesStartOnTheInitialBranchTrackingOrigin() throws Exception {
    Path bob = sandbox.dir("bob");
    GitCli git = sandbox.cli();

    assertThat(git.run(bob, "symbolic-ref", "--short", "HEAD")).isEqualTo("ho-prod");
    assertThat(git.run(bob, "config", "--get", "remote.origin.url")).startsWith("file:");
    assertThat(git.run(bob, "config", "--get", "branch.ho-prod.merge")).isEqualTo("refs/heads/ho-prod");
    assertThat(git.run(bob, "config", "--get", "user.name")).isEqualTo("bob");
  }

  @Test
  void jgitAndTheCliResolveTheSandboxIdentityNotTheRealOne() throws Exception {
    Git origin = sandbox.origin();

    assertThat(origin.getRepository().getConfig().getString("user", null, "name")).isEqualTo(GitCli.NAME);
    assertThat(sandbox.cli().run(sandbox.originDir(), "config", "--get", "user.name")).isEqualTo(GitCli.NAME);
    assertThat(sandbox.cli().run(sandbox.originDir(), "config", "--show-origin", "--get", "user.name"))
        .startsWith("file:" + sandbox.config().userConfigFile());
  }

  @Test
  void refusedPushFailsLoudly() throws Exception {
    sandbox.write("alice", "a.txt", "alice\n");
    sandbox.commitAll("alice", "[ho] alice");
    sandbox.push("alice");
    sandbox.write("bob", "b.txt", "bob\n");
    sandbox.commitAll("bob", "[ho] bob");

    assertThatThrownBy(() -> sandbox.push("bob")).hasMessageContaining("bob's push of ho-prod was refused")
        .hasMessageContaining("REJECTED_NONFASTFORWARD");
  }

  @Test
  void closeGivesJGitBackItsPreviousReader() {
    assertThat(SystemReader.getInstance()).isSameAs(sandbox.config());

    sandbox.close();

    assertThat(SystemReader.getInstance()).isSameAs(before);
  }

  @Test
  void developerNamesMustNotCollideWithTheLayout() {
    assertThatThrownBy(() -> GitSandbox.create(dir.resolve("other"), "main", "alice", "sandbox"))
        .hasMessageContaining("not 'sandbox': sandbox");
    assertThat(SystemReader.getInstance()).as("failed create leaves no reader behind").isSameAs(sandbox.config());
  }

  @Test
  void unknownDeveloperIsNamed() {
    assertThatThrownBy(() -> sandbox.git("carol")).hasMessage("No clone named carol; the sandbox has [alice, bob]");
  }
}
