package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.release.PatchId;
import dev.hop.core.release.ReleaseName;
import dev.hop.core.release.Version;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusResultTest {

  private static final Version V010 = new Version(0, 1, 0);

  static final StatusResult RESULT = new StatusResult("ho-patch/3-x", Version.ZERO, "unreachable: no \"db\"",
      Optional.of(new StatusResult.Release(ReleaseName.rc(V010, 1), List.of(new PatchId("1-a")))),
      List.of(new StatusResult.Release(ReleaseName.stage(V010), List.of())),
      List.of(new StatusResult.PatchBranch("ho-patch/3-x", true, false, true)), Optional.empty(), false,
      List.of());

  @Test
  void linesNameEveryPartInOrder() {
    assertThat(RESULT.lines()).containsExactly(
        "Branch: ho-patch/3-x",
        "Production version: 0.0.0",
        "Database version: unreachable: no \"db\"",
        "Active RC: 0.1.0-rc1, 1 patch: 1-a",
        "Stage 0.1.0: no patches",
        "Patch branch ho-patch/3-x (local only): must merge ho-prod (git merge ho-prod)",
        "Lock: free",
        "Origin: not reached, patch branches and lock are as of the last fetch");
  }
}
