package dev.hop.core.release;

import static dev.hop.core.release.ReleasesFixture.id;
import static dev.hop.core.release.ReleasesFixture.ids;
import static dev.hop.core.release.ReleasesFixture.releases;
import static dev.hop.core.release.ReleasesFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ReleaseStateException.Reason;
import dev.hop.core.errors.ReleaseStateException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The goals' rules on a {@link Releases} value: release-new, patch-add and promote (SPEC §7, §9). */
class ReleasesLifecycleTest {

  /** Something that answers or refuses. */
  private interface Call<T> {
    T call() throws ReleaseStateException;
  }

  /** Asserts a refusal: its reason, the blocking release it carries ('' for none) and message parts. */
  private static void assertRefused(Call<?> call, Reason reason, String blocking, String... inMessage) {
    assertThatThrownBy(call::call)
        .isInstanceOfSatisfying(ReleaseStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.release()).isEqualTo(
              Optional.ofNullable(blocking.isBlank() ? null : blocking));
          assertThat(e.getMessage()).contains(inMessage);
        });
  }

  // ---- release-new ----

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                                               ; PATCH ; 0.0.1
      ''                                               ; MAJOR ; 1.0.0
      1.0.0: 1                                         ; PATCH ; 1.0.1
      1.0.0: 1 | 1.0.1-stage:                          ; MINOR ; 1.1.0
      1.0.0: 1 | 1.0.1-stage: | 1.1.0-stage: 2        ; MAJOR ; 2.0.0
      1.9.0: 1 | 1.10.0: 1                             ; MINOR ; 1.11.0
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-rc1: 2 | 1.0.1: 2 ; PATCH ; 1.0.2
      """)
  void stagesOfDifferentLevelsCoexist(String picture, ReleaseLevel level, String next) throws Exception {
    assertThat(releases(picture).nextVersion(level)).isEqualTo(v(next));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0: 1 | 1.0.1-stage:                        ; PATCH ; 1.0.1-stage ; hop patch-add id=<id> toVersion=1.0.1
      1.0.0: 1 | 1.1.0-stage: 2                      ; MINOR ; 1.1.0-stage ; hop patch-add id=<id> toVersion=1.1.0
      1.0.0: 1 | 1.0.1-stage: | 1.0.1-rc1: 2         ; PATCH ; 1.0.1-stage ; hop patch-add id=<id> toVersion=1.0.1
      1.0.0: 1 | 1.0.1-rc1: 2                        ; PATCH ; 1.0.1-rc1   ; hop promote to=prod
      """)
  void theSameLevelTwiceIsRefused(String picture, ReleaseLevel level, String blocking, String next) {
    String version = blocking.substring(0, blocking.indexOf('-'));
    assertRefused(() -> releases(picture).nextVersion(level), Reason.STAGE_EXISTS, blocking,
        "Release " + version + " already exists (" + blocking + ".txt)",
        "level " + level.label() + " bumps production 1.0.0 to " + version, "Run: " + next);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0: 1 | 1.1.0-rc1: 2                        ; PATCH ; 1.0.1 ; 1.1.0-rc1
      1.0.0: 1 | 2.0.0-rc2: 2 | 2.0.0-stage:         ; MINOR ; 1.1.0 ; 2.0.0-rc2
      """)
  void aReleaseBelowAnActiveRcIsRefused(String picture, ReleaseLevel level, String next, String rc) {
    assertRefused(() -> releases(picture).nextVersion(level), Reason.ACTIVE_RC_EXISTS, rc,
        "Active RC exists: " + rc + " is not in production yet, and release " + next
            + " would have to reach production before it.", "Run: hop promote to=prod");
  }

  @Test
  void aReleaseAboveAnActiveRcIsAllowed() throws Exception {
    assertThat(releases("1.0.0: 1 | 1.0.1-rc1: 2").nextVersion(ReleaseLevel.MINOR)).isEqualTo(v("1.1.0"));
  }

  // ---- patch-add ----

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-stage:                                   ; ''    ; 1.0.1
      1.0.0: 1 | 1.0.1-stage: 2                      ; ''    ; 1.0.1
      1.0.1-stage: 2                                 ; 1.0.1 ; 1.0.1
      1.0.1-stage: | 1.1.0-stage: | 2.0.0-stage:     ; 1.1.0 ; 1.1.0
      1.0.1-stage: | 1.1.0-stage:                    ; 1.0.1 ; 1.0.1
      """)
  void patchAddTargetsTheOnlyStageOrTheOneNamed(String picture, String toVersion, String target)
      throws Exception {
    Optional<Version> to = toVersion.isBlank() ? Optional.empty() : Optional.of(v(toVersion));

    assertThat(releases(picture).patchAddTarget(id("12-users"), to)).isEqualTo(v(target));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                          ; ''    ; NO_STAGE       ; No stage releases found: patch 12-users ; Run: hop release-new level=<patch|minor|major>
      1.0.0: 1                    ; 1.0.1 ; NO_STAGE       ; No stage releases found                 ; Run: hop release-new level=<patch|minor|major>
      1.0.1-stage: | 1.1.0-stage: ; ''    ; SEVERAL_STAGES ; Several stage releases found (1.0.1, 1.1.0) ; Run one of: hop patch-add id=12-users toVersion=1.0.1; hop patch-add id=12-users toVersion=1.1.0
      1.0.1-stage: | 1.1.0-stage: ; 1.2.0 ; UNKNOWN_STAGE  ; No stage release 1.2.0 for patch 12-users: the stage releases are 1.0.1, 1.1.0 ; Run one of: hop patch-add id=12-users toVersion=1.0.1; hop patch-add id=12-users toVersion=1.1.0
      1.0.1-stage:                ; 1.1.0 ; UNKNOWN_STAGE  ; the stage releases are 1.0.1.           ; Run: hop patch-add id=12-users toVersion=1.0.1
      """)
  void patchAddIsRefusedWithoutAClearStage(String picture, String toVersion, Reason reason, String what,
      String next) {
    Optional<Version> to = toVersion.isBlank() ? Optional.empty() : Optional.of(v(toVersion));

    assertRefused(() -> releases(picture).patchAddTarget(id("12-users"), to), reason, "", what, next);
  }

  @Test
  void severalStagesCarryTheChoices() {
    assertThatThrownBy(() -> releases("1.1.0-stage: | 1.0.1-stage:").patchAddTarget(id("12"), Optional.empty()))
        .isInstanceOfSatisfying(ReleaseStateException.class, e -> {
          assertThat(e.versions()).containsExactly("1.0.1", "1.1.0");
          assertThat(e.patches()).containsExactly("12");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-stage: 12-users                                   ; 1.0.1-stage
      1.0.1-stage: 1 | 1.0.1-rc1: 12-users                    ; 1.0.1-rc1
      1.0.0-rc1: 12-users | 1.0.0: 12-users | 1.0.1-stage: 2  ; 1.0.0
      1.0.1-stage: 2 | 1.1.0-stage: 12-users                  ; 1.1.0-stage
      """)
  void aPatchAlreadyInAReleaseIsRefusedNamingIt(String picture, String listing) {
    assertRefused(() -> releases(picture).patchAddTarget(id("12-users"), Optional.empty()),
        Reason.PATCH_ALREADY_IN_RELEASE, listing,
        "Patch 12-users is already in release " + listing + " (releases/" + listing + ".txt)", "Run: hop status");
  }

  // ---- promote rc ----

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-stage: 1                                          ; 1.0.1
      1.1.0-stage: 2 | 1.0.1-stage: 1                         ; 1.0.1
      1.0.1-rc1: 1 | 1.0.1-stage: 2                           ; 1.0.1
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-stage: 2                ; 1.0.1
      1.0.0-rc2: 1 | 1.0.0: 1 | 1.1.0-stage: 2 | 2.0.0-stage: ; 1.1.0
      """)
  void promoteRcTakesTheSmallestStageAndAnRcOfAReleasedVersionBlocksNothing(String picture, String version)
      throws Exception {
    assertThat(releases(picture).promoteRcVersion()).isEqualTo(v(version));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                                       ; NO_STAGE         ; ''          ; No stage releases found: nothing to promote ; Run: hop release-new level=<patch|minor|major>
      1.0.0: 1                                 ; NO_STAGE         ; ''          ; No stage releases found                     ; Run: hop release-new level=<patch|minor|major>
      1.0.1-rc1: 1 | 1.0.1-rc2: 1 2 | 1.1.0-stage: 3 ; ACTIVE_RC_EXISTS ; 1.0.1-rc2 ; Active RC exists: 1.0.1-rc2 is not in production yet, so 1.1.0-stage cannot become an RC ; Run: hop promote to=prod
      1.0.1-stage:                             ; STAGE_EMPTY      ; 1.0.1-stage ; Stage release 1.0.1-stage is empty        ; Run: hop patch-add id=<id> toVersion=1.0.1 or: git rm releases/1.0.1-stage.txt
      1.0.1-rc1: 1 | 1.0.1-stage:              ; STAGE_EMPTY      ; 1.0.1-stage ; Stage release 1.0.1-stage has no patch since 1.0.1-rc1: nothing to promote ; Run: hop patch-add id=<id> toVersion=1.0.1 or: hop promote to=prod
      1.0.1-rc1: 1 | 1.0.1-stage: | 1.1.0-stage: 2 ; ACTIVE_RC_EXISTS ; 1.0.1-rc1 ; Active RC exists: 1.0.1-rc1 is not in production yet, so 1.1.0-stage cannot become an RC ; Run: hop promote to=prod
      """)
  void promoteRcRefusals(String picture, Reason reason, String blocking, String what, String next) {
    assertRefused(() -> releases(picture).promoteRcVersion(), reason, blocking, what, next);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-stage: 1                                      ; 1
      1.0.1-rc1: 1                                        ; 2
      1.0.1-rc1: 1 | 1.0.1-rc3: 1 2                       ; 4
      1.0.1-rc9: 1                                        ; 10
      1.0.1-rc9: 1 | 1.0.1-rc10: 1 2                      ; 11
      1.0.0-rc4: 1 | 1.0.0: 1 | 1.0.1-stage: 2            ; 1
      """)
  void nextRcNumberIsTheGreatestPlusOne(String picture, int next) {
    assertThat(releases(picture).nextRcNumber(v("1.0.1"))).isEqualTo(next);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-stage: 3 1                                       ; 3 1
      1.0.1-rc1: 3 1 | 1.0.1-stage: 7 5                      ; 3 1 7 5
      1.0.1-rc1: 3 | 1.0.1-rc2: 3 1 | 1.0.1-stage: 7         ; 3 1 7
      1.0.1-rc2: 3 1 | 1.0.1-stage:                          ; 3 1
      """)
  void theNextRcListsEveryPatchSoFar(String picture, String patches) throws Exception {
    assertThat(releases(picture).nextRcPatches(v("1.0.1"))).containsExactlyElementsOf(ids(patches));
  }

  @Test
  void theNextRcRefusesAStagePatchAlreadyInTheLatestRc() {
    assertRefused(() -> releases("1.0.1-rc1: 3 1 | 1.0.1-stage: 7 1").nextRcPatches(v("1.0.1")),
        Reason.PATCH_ALREADY_IN_RELEASE, "1.0.1-rc1", "Patch 1 is already in release 1.0.1-rc1");
  }

  // ---- promote prod ----

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-rc1: 1                                          ; 1.0.1
      1.0.1-rc1: 1 | 1.0.1-stage:                           ; 1.0.1
      1.0.1-rc1: 1 | 1.0.1-stage: | 1.1.0-stage: 4          ; 1.0.1
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-rc1: 2 | 1.0.1-rc2: 2 3 ; 1.0.1
      """)
  void promoteProdTakesTheActiveRc(String picture, String version) throws Exception {
    assertThat(releases(picture).promoteProdVersion()).isEqualTo(v(version));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                                      ; NO_ACTIVE_RC    ; ''          ; No active RC found                       ; Run: hop promote to=rc
      1.0.1-stage: 1                          ; NO_ACTIVE_RC    ; ''          ; No active RC found                       ; Run: hop promote to=rc
      1.0.0-rc1: 1 | 1.0.0: 1                 ; NO_ACTIVE_RC    ; ''          ; No active RC found                       ; Run: hop promote to=rc
      1.0.1-rc1: 1 | 1.0.1-stage: 4 5         ; STAGE_NOT_EMPTY ; 1.0.1-stage ; Stage release 1.0.1-stage lists patches that are in no RC yet (4, 5): 1.0.1-rc1 cannot go to production ; Run: hop promote to=rc
      """)
  void promoteProdRefusals(String picture, Reason reason, String blocking, String what, String next) {
    assertRefused(() -> releases(picture).promoteProdVersion(), reason, blocking, what, next);
  }

  @Test
  void aNonEmptyStageCarriesItsPatches() {
    assertThatThrownBy(() -> releases("1.0.1-rc1: 1 | 1.0.1-stage: 4 5").promoteProdVersion())
        .isInstanceOfSatisfying(ReleaseStateException.class, e -> {
          assertThat(e.patches()).containsExactly("4", "5");
          assertThat(e.version()).contains("1.0.1");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-rc1: 1                                    ; 1
      1.0.1-rc1: 1 | 1.0.1-rc2: 1 2 3 | 1.0.1-stage:   ; 1 2 3
      1.0.1-rc2: 1 2 | 1.0.1-rc10: 1 2 3 4            ; 1 2 3 4
      """)
  void aProductionFileWillListEveryPatchOfTheLatestRc(String picture, String patches) throws Exception {
    assertThat(releases(picture).productionPatches(v("1.0.1"))).containsExactlyElementsOf(ids(patches));
  }

  @Test
  void productionPatchesNeedAnRc() {
    assertRefused(() -> releases("1.0.1-stage: 1").productionPatches(v("1.0.1")), Reason.NO_ACTIVE_RC, "",
        "No active RC found for 1.0.1", "Run: hop promote to=rc");
  }
}
