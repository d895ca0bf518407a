package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.errors.TeamRefusalException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What origin decides: a server-side hook on an origin on disk refuses hop's pushes as it refuses git push, and
 * nothing is left half-done; a repository without origin is told how to add one.
 */
class OriginRulesIT {
  private static final String HOOK = """
      #!/bin/sh
      while read old new ref; do
        if [ "$ref" = "refs/heads/ho-prod" ]; then
          echo "ho-prod is protected here: open a merge request" >&2
          exit 1
        fi
      done
      exit 0
      """;

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void aPreReceiveHookRefusingHoProdRefusesReleaseNewWithItsMessageAndLeavesNothing() throws Exception {
    protectHoProd();
    String local = project.git("rev-parse", "ho-prod");
    String origin = project.originGit("for-each-ref");

    assertThatThrownBy(() -> project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call()))
        .isInstanceOf(TeamRefusalException.class)
        .hasMessageContaining("Origin's hook refused the push of refs/heads/ho-prod")
        .hasMessageContaining("ho-prod is protected here: open a merge request");
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(local);
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(project.originGit("for-each-ref")).isEqualTo(origin);
  }

  @Test
  void aPreReceiveHookRefusingHoProdRefusesPatchNewAndTakesBackTheReservation() throws Exception {
    protectHoProd();
    String local = project.git("rev-parse", "ho-prod");
    String origin = project.originGit("for-each-ref");

    assertThatThrownBy(() -> project.call(hop -> hop.patchNew().setId("1-users").call()))
        .isInstanceOf(TeamRefusalException.class)
        .hasMessageContaining("ho-prod is protected here: open a merge request");
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(local);
    assertThat(project.git("tag", "-l")).isEmpty();
    assertThat(project.git("branch", "--list", "ho-patch/*")).isEmpty();
    assertThat(project.git("branch", "--show-current")).isEqualTo("ho-prod");
    assertThat(project.dir().resolve("Patches/1-users")).doesNotExist();
    assertThat(project.git("status", "--porcelain")).isEmpty();
    assertThat(project.originGit("for-each-ref")).isEqualTo(origin);
  }

  @Test
  void withoutOriginPatchNewNamesTheCommandsThatAddIt() {
    project.git("remote", "remove", "origin");
    String local = project.git("rev-parse", "ho-prod");

    assertThatThrownBy(() -> project.call(hop -> hop.patchNew().setId("1-users").call()))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.NO_ORIGIN))
        .hasMessageStartingWith("No origin: ")
        .hasMessageContaining("git remote add origin <url> && git push -u origin ho-prod");
    assertThat(project.git("rev-parse", "ho-prod")).isEqualTo(local);
    assertThat(project.git("tag", "-l")).isEmpty();
  }

  private void protectHoProd() throws Exception {
    Path hook = project.sandbox.originDir().resolve("hooks/pre-receive");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, HOOK);
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    project.git("commit", "-q", "--allow-empty", "-m", "probe");
    GitCli.Result push = project.sandbox.cli().exec(project.dir(), "push", "origin", "ho-prod");
    assertThat(push.exitCode()).as("git push is refused as well").isNotZero();
    assertThat(push.stderr()).contains("ho-prod is protected here");
    project.git("reset", "-q", "--hard", "HEAD~1");
  }
}
