package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.TeamRefusalException;
import dev.hop.core.release.PatchId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks that a patch number is reserved once for the whole team. */
class PatchReservationIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  private PatchReservation reservation(String developer) throws Exception {
    return new PatchReservation(git.workspace(developer), GitFixture.clock(), CommandHints.NEUTRAL);
  }

  @Test
  void secondCloneIsRefusedWithTheReservingPatch() throws Exception {
    reservation("alice").reserve(PatchId.of("12-users"));

    assertThatThrownBy(() -> reservation("bob").reserve(PatchId.of("12-orders")))
        .isInstanceOfSatisfying(TeamRefusalException.class, e -> {
          assertThat(e.reason()).isEqualTo(TeamRefusalException.Reason.NUMBER_RESERVED);
          assertThat(e.holder()).contains("12-users");
          assertThat(e.ref()).isEqualTo("refs/tags/ho-patch/12");
        })
        .hasMessage("Patch number 12 is already reserved by patch 12-users (tag ho-patch/12 exists on origin)."
            + " Choose another number; the numbers in use are listed by: git ls-remote --tags origin 'ho-patch/*'."
            + " Then run: hop patch-new id=<number>-<words>");
    assertThat(git.originGit("cat-file", "-t", "ho-patch/12")).isEqualTo("tag");
    assertThat(git.originGit("tag", "-l", "-n9", "ho-patch/12")).contains("patch: 12-users");
    assertThat(git.git("alice", "tag", "-l")).isEqualTo("ho-patch/12");
  }

  @Test
  void localTagRefusesWithoutAskingOrigin() throws Exception {
    reservation("alice").reserve(PatchId.of("7"));

    assertThatThrownBy(() -> reservation("alice").reserve(PatchId.of("7-again")))
        .hasMessageStartingWith("Patch number 7 is already reserved by patch 7 (tag ho-patch/7 exists locally)");
  }

  @Test
  void twoClonesAtOnceExactlyOneWins() throws Exception {
    PatchReservation alice = reservation("alice");
    PatchReservation bob = reservation("bob");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int number = 50; number < 60; number++) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (Object[] who : new Object[][] {{alice, number + "-alice"}, {bob, number + "-bob"}}) {
          results.add(pool.submit(() -> {
            start.await();
            try {
              ((PatchReservation) who[0]).reserve(PatchId.of((String) who[1]));
              return "won";
            } catch (TeamRefusalException e) {
              return e.getMessage();
            }
          }));
        }
        List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());
        assertThat(outcomes).as("number %d", number).filteredOn("won"::equals).hasSize(1);
        String winner = number + (outcomes.get(0).equals("won") ? "-alice" : "-bob");
        assertThat(outcomes).filteredOn(o -> !o.equals("won")).singleElement().asString()
            .contains("reserved by patch " + winner);
        assertThat(git.originGit("tag", "-l", "-n9", "ho-patch/" + number)).contains("patch: " + winner);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancelRemovesTheReservationEverywhere() throws Exception {
    PatchReservation alice = reservation("alice");
    GitId tag = alice.reserve(PatchId.of("3-x"));

    alice.cancel(PatchId.of("3-x"), tag);

    assertThat(git.originGit("tag", "-l")).isEmpty();
    assertThat(git.git("alice", "tag", "-l")).isEmpty();
    reservation("bob").reserve(PatchId.of("3-y"));
  }
}
