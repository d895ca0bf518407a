package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ReleaseStateException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.release.Version;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * release-new on a real origin: each level bumps production on its own, the same one twice is refused, a clone
 * behind origin is pulled first. The success as Maven prints it, and the branch refusal: the plugin's ReleaseNewIT.
 */
class ReleaseNewCommandIT {
  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void minorAndMajorBumpProductionIndependently() throws Exception {
    assertThat(releaseNew(ReleaseLevel.MINOR).version()).isEqualTo(Version.parse("0.1.0"));
    assertThat(releaseNew(ReleaseLevel.MAJOR).version()).isEqualTo(Version.parse("1.0.0"));

    assertThat(project.originGit("ls-tree", "--name-only", "ho-prod", "releases/"))
        .contains("releases/0.1.0-stage.txt", "releases/1.0.0-stage.txt");
  }

  @Test
  void theSameLevelTwiceIsRefusedAndChangesNothing() throws Exception {
    releaseNew(ReleaseLevel.PATCH);
    String before = project.originGit("rev-parse", "ho-prod");

    assertThatThrownBy(() -> releaseNew(ReleaseLevel.PATCH)).isInstanceOf(ReleaseStateException.class)
        .hasMessage("Release 0.0.1 already exists (0.0.1-stage.txt): level patch bumps production 0.0.0 to 0.0.1."
            + " Add patches to it. Run: hop patch-add id=<id> toVersion=0.0.1");
    assertThat(project.originGit("rev-parse", "ho-prod")).isEqualTo(before);
    assertThat(project.git("status", "--porcelain")).isEmpty();
  }

  @Test
  void aCloneBehindOriginIsPulledFirst() throws Exception {
    Path bob = project.root().resolve("bob");
    project.sandbox.cli().run(project.root(), "clone", "-q", project.sandbox.originDir().toString(), bob.toString());
    project.sandbox.cli().run(bob, "commit", "-q", "--allow-empty", "-m", "work of bob");
    project.sandbox.cli().run(bob, "push", "-q", "origin", "ho-prod");

    releaseNew(ReleaseLevel.PATCH);

    assertThat(project.git("log", "-2", "--format=%s")).isEqualTo("[ho] Prepare release 0.0.1-stage\nwork of bob");
    assertThat(project.originGit("rev-parse", "ho-prod")).isEqualTo(project.git("rev-parse", "ho-prod"));
  }

  private ReleaseNewResult releaseNew(ReleaseLevel level) throws Exception {
    return project.call(hop -> hop.releaseNew().setLevel(level).call());
  }
}
