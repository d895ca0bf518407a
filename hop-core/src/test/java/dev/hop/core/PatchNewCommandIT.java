package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.InvalidPatchIdException;
import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.errors.TeamRefusalException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * patch-new's refusals on a real origin, each leaving origin and the clone as they were, and the undo of a push
 * that origin rejects after the reservation. The success, and a refusal as Maven prints it: the plugin's PatchNewIT.
 */
class PatchNewCommandIT {
  private static final String INITIAL = "[ho] Initial commit (release: 0.0.0)";

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void aRejectedPushTakesBackTheCommitTheBranchAndTheReservation() throws Exception {
    // origin cannot create refs/heads/ho-patch/12-users while it has refs/heads/ho-patch/12-users/old
    project.originGit("branch", "ho-patch/12-users/old", "ho-prod");
    String initial = project.git("rev-parse", "ho-prod");

    assertThatThrownBy(() -> patchNew("12-users")).isInstanceOf(TeamRefusalException.class)
        .hasMessageContaining("Origin rejected");

    assertThat(project.events).extracting(HopEvent::message).contains("Undone: create branch ho-patch/12-users",
        "Undone: write Patches/12-users/README.md and commit [ho] Add Patches/12-users on ho-prod",
        "Undone: reserve patch number 12 (push tag ho-patch/12)");
    assertThat(project.originGit("tag", "-l")).isEmpty();
    assertThat(project.git("tag", "-l")).isEmpty();
    assertThat(project.originGit("rev-parse", "ho-prod")).isEqualTo(initial);
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(initial);
    assertThat(project.git("branch", "--list", "ho-patch/*")).isEmpty();
    assertThat(project.git("branch", "--show-current")).isEqualTo("ho-prod");
    assertThat(project.dir().resolve("Patches/12-users")).doesNotExist();
    assertThat(project.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void aDirtyTreeIsRefused() throws Exception {
    project.sandbox.write("alice", "notes.txt", "wip\n");

    assertThatThrownBy(() -> patchNew("12-users")).isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Repository is not clean: cannot start patch 12-users with 1 uncommitted file")
        .hasMessageContaining("untracked: notes.txt");
    assertNothingChanged();
  }

  @Test
  void aCloneBehindOriginIsRefused() throws Exception {
    Path bob = project.root().resolve("bob");
    project.sandbox.cli().run(project.root(), "clone", "-q", project.sandbox.originDir().toString(), bob.toString());
    project.sandbox.cli().run(bob, "commit", "-q", "--allow-empty", "-m", "work of bob");
    project.sandbox.cli().run(bob, "push", "-q", "origin", "ho-prod");
    String originProd = project.originGit("rev-parse", "ho-prod");

    assertThatThrownBy(() -> patchNew("12-users")).isInstanceOf(RepositoryStateException.class)
        .hasMessageContaining("Repository not synced with origin: ho-prod is 1 commit behind origin/ho-prod."
            + " Run: git pull --ff-only origin ho-prod");
    assertThat(project.originGit("tag", "-l")).isEmpty();
    assertThat(project.originGit("rev-parse", "ho-prod")).isEqualTo(originProd);
  }

  @Test
  void aNumberReservedByAnotherPatchIsRefused() throws Exception {
    patchNew("12-users");
    project.git("switch", "-q", "ho-prod");
    String originProd = project.originGit("rev-parse", "ho-prod");

    assertThatThrownBy(() -> patchNew("12-orders")).isInstanceOf(TeamRefusalException.class)
        .hasMessageContaining("Patch number 12 is already reserved by patch 12-users (tag ho-patch/12 exists on"
            + " origin)").hasMessageEndingWith("hop patch-new id=<number>-<words>");
    assertThat(project.originGit("rev-parse", "ho-prod")).isEqualTo(originProd);
    assertThat(project.originGit("branch", "--list", "ho-patch/12-orders")).isEmpty();
    assertThat(project.dir().resolve("Patches/12-orders")).doesNotExist();
  }

  @Test
  void anInvalidIdIsRefused() {
    assertThatThrownBy(() -> patchNew("Add_Users")).isInstanceOf(InvalidPatchIdException.class)
        .hasMessageStartingWith("Invalid patch id 'Add_Users': upper case 'A' is not allowed")
        .hasMessageContaining("Accepted forms: <number> (e.g. 12) or <number>-<words>");
    assertNothingChanged();
  }

  private void patchNew(String id) throws Exception {
    project.call(hop -> hop.patchNew().setId(id).call());
  }

  private void assertNothingChanged() {
    assertThat(project.originGit("tag", "-l")).isEmpty();
    assertThat(project.originGit("log", "--format=%s", "ho-prod")).isEqualTo(INITIAL);
    assertThat(project.originGit("branch", "--list", "ho-patch/*")).isEmpty();
    assertThat(project.git("branch", "--show-current")).isEqualTo("ho-prod");
  }
}
