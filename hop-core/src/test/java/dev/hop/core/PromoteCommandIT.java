package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopSettings;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.InvalidPromoteTargetException;
import dev.hop.core.errors.ReleaseStateException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.git.GitEnvironment;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.testing.GitSandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promote rc on real repositories (no database needed), and the refusals of both targets. */
class PromoteCommandIT {

  @TempDir
  Path dir;

  private GitSandbox sandbox;
  private final List<HopEvent> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void project() throws Exception {
    sandbox = GitSandbox.create(dir, "ho-prod", "alice");
    git("config", "--global", "gc.auto", "0");
    sandbox.write("alice", ".gitignore", "target/\n");
    sandbox.write("alice", "releases/README.md", "# Releases\n");
    sandbox.commitAll("alice", "[ho] Initial commit (release: 0.0.0)");
    sandbox.push("alice");
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void rcMergesTheStageBranchesWritesRc1EmptiesTheStageTagsAndNotifies() throws Exception {
    archivedBranch("ho-release/1.0.0/1-users", "1-users");
    archivedBranch("ho-patch/2-open", "2-open");
    release("1.0.0-stage.txt", "1-users\n");

    PromoteResult result = promote("rc");

    assertThat(result.release()).isEqualTo(ReleaseName.rc(dev.hop.core.release.Version.parse("1.0.0"), 1));
    assertThat(result.tag()).isEqualTo("v1.0.0-rc1");
    assertThat(result.notified()).containsExactly("ho-patch/2-open");
    assertThat(originGit("show", "ho-prod:releases/1.0.0-rc1.txt")).isEqualTo("1-users");
    assertThat(originGit("show", "ho-prod:releases/1.0.0-stage.txt")).isEmpty();
    assertThat(originGit("show", "ho-prod:Patches/1-users/README.md")).isEqualTo("# 1-users");
    assertThat(originGit("log", "--format=%s", "ho-prod")).startsWith(
        "[ho] Promote 1.0.0-stage to 1.0.0-rc1\n[ho] Merge ho-release/1.0.0/1-users into ho-prod");
    assertThat(originGit("for-each-ref", "--format=%(objecttype) %(refname)", "refs/tags"))
        .isEqualTo("tag refs/tags/v1.0.0-rc1");
    assertThat(originGit("log", "-1", "--format=%s", "ho-patch/2-open")).isEqualTo("[ho] 1.0.0-rc1 promoted (MERGE REQUIRED)");
    assertThat(events).extracting(HopEvent::message)
        .anyMatch(m -> m.startsWith("Merge ho-release/1.0.0/1-users into ho-prod ("))
        .anyMatch(m -> m.startsWith("Push ho-prod and v1.0.0-rc1 to origin (atomic) ("));
  }

  @Test
  void aMissingArchivedBranchIsRefusedBeforeTheLock() throws Exception {
    release("1.0.0-stage.txt", "1-users\n");
    String before = git("ls-remote", "origin");

    assertThatThrownBy(() -> promote("rc"))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Branch ho-release/1.0.0/1-users exists neither locally nor on origin")
        .hasMessageEndingWith("then run: hop promote to=rc");
    assertThat(git("ls-remote", "origin")).isEqualTo(before);
  }

  @Test
  void aSecondVersionsRcIsRefusedWhileTheFirstRcIsActive() throws Exception {
    release("1.0.0-rc1.txt", "1-users\n");
    release("1.1.0-stage.txt", "2-orders\n");
    String before = git("ls-remote", "origin");

    assertThatThrownBy(() -> promote("rc")).isInstanceOf(ReleaseStateException.class)
        .hasMessage("Active RC exists: 1.0.0-rc1 is not in production yet, so 1.1.0-stage cannot become an RC."
            + " Release it first. Run: hop promote to=prod");
    assertThat(git("ls-remote", "origin")).isEqualTo(before);
  }

  @Test
  void productionIsRefusedWhileTheStageListsPatches() throws Exception {
    release("1.0.0-rc1.txt", "1-users\n");
    release("1.0.0-stage.txt", "2-orders\n");
    String before = git("ls-remote", "origin");

    assertThatThrownBy(() -> promote("prod")).isInstanceOf(ReleaseStateException.class)
        .hasMessage("Stage release 1.0.0-stage lists patches that are in no RC yet (2-orders): 1.0.0-rc1 cannot go"
            + " to production without them. Promote them to an RC first. Run: hop promote to=rc");
    assertThat(git("ls-remote", "origin")).isEqualTo(before);
  }

  @Test
  void anUnknownTargetIsRefusedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> promote("beta"))
        .isInstanceOf(InvalidPromoteTargetException.class)
        .hasMessage("Invalid promote target 'beta': expected rc (the stage becomes a release candidate) or prod (the"
            + " release candidate goes to production). Run: hop promote to=<rc|prod>");
  }

  @Test
  void anotherBranchIsRefused() throws Exception {
    release("1.0.0-stage.txt", "1-users\n");
    git("switch", "-q", "-c", "ho-patch/9-x");

    assertThatThrownBy(() -> promote("rc"))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessage("Must be on ho-prod branch to promote to rc (the current branch is ho-patch/9-x). Run: git switch"
            + " ho-prod, then run the goal again");
  }

  @Test
  void uncommittedFilesAreRefused() throws Exception {
    release("1.0.0-stage.txt", "1-users\n");
    sandbox.write("alice", "notes.txt", "wip\n");

    assertThatThrownBy(() -> promote("prod"))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Repository is not clean: cannot promote to prod with 1 uncommitted file");
  }

  @Test
  void aBranchBehindOriginIsRefused() throws Exception {
    release("1.0.0-stage.txt", "1-users\n");
    git("reset", "-q", "--hard", "HEAD~1");

    assertThatThrownBy(() -> promote("rc"))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Repository not synced with origin");
  }

  private PromoteResult promote(String to) throws HopException {
    HopSettings settings = new HopSettings(sandbox.dir("alice"), Optional.of("jdbc:postgresql://127.0.0.1:1/none"),
        "none", Optional.empty(), Secret.none(), "it.hop.db", Optional.empty(), HopSettings.GitCredentials.NONE,
        Optional.empty(), Duration.ofMinutes(1), Duration.ofMinutes(30), CommandHints.NEUTRAL, Optional.empty());
    try (Hop hop = Hop.open(settings, events::add, Clock.systemUTC(), new GitEnvironment(dir.resolve("home"),
        Map.of()))) {
      return hop.promote().setTo(to).call();
    }
  }

  /** A branch from ho-prod with Patches/<id>/README.md, pushed to origin only. */
  private void archivedBranch(String branch, String id) {
    git("switch", "-q", "-c", branch, "ho-prod");
    sandbox.write("alice", "Patches/" + id + "/README.md", "# " + id + "\n");
    git("add", "-A");
    git("commit", "-q", "-m", "Patch " + id);
    git("push", "-q", "origin", branch);
    git("switch", "-q", "ho-prod");
    git("branch", "-q", "-D", branch);
  }

  private void release(String file, String content) {
    sandbox.write("alice", "releases/" + file, content);
    git("add", "-A");
    git("commit", "-q", "-m", "[ho] Release files");
    git("push", "-q", "origin", "ho-prod");
  }

  private String git(String... args) {
    return sandbox.cli().run(sandbox.dir("alice"), args);
  }

  private String originGit(String... args) {
    return sandbox.cli().run(sandbox.originDir(), args);
  }
}
