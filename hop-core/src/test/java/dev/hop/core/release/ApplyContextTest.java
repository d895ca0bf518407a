package dev.hop.core.release;

import static dev.hop.core.release.ReleasesFixture.id;
import static dev.hop.core.release.ReleasesFixture.ids;
import static dev.hop.core.release.ReleasesFixture.releases;
import static dev.hop.core.release.ReleasesFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ReleaseStateException.Reason;
import dev.hop.core.errors.ReleaseStateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The patch order of patch-apply and patch-add validation, through {@link Releases}. */
class ApplyContextTest {

  private static final String SEVERAL =
      "1.0.1-rc1: 1 | 1.0.1-stage: 2 | 1.1.0-stage: 3 4 | 2.0.0-stage: 5 | 1.0.0-rc1: 0 | 1.0.0: 0";

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = ';', textBlock = """
      ''                                                    ; 9 ; 9
      1.0.0: 1                                              ; 9 ; 9
      1.0.1-stage: 2 3                                      ; 9 ; 2 3 9
      1.0.1-stage: 2 9 3                                    ; 9 ; 2 9 3
      1.0.1-rc1: 1 2 | 1.0.1-stage: 3                       ; 9 ; 1 2 3 9
      1.0.1-rc1: 1 2 | 1.0.1-stage: 3                       ; 2 ; 1 2 3
      1.0.1-rc1: 1 | 1.0.1-rc2: 1 2 | 1.0.1-stage: 3        ; 9 ; 1 2 3 9
      1.0.1-rc1: 1 2                                        ; 9 ; 1 2 9
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-stage: 2              ; 9 ; 2 9
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-rc1: 2 | 1.0.1-stage: 3 ; 9 ; 2 3 9
      """)
  void rcListThenStageThenTheCurrentPatchAtItsPlaceOrLast(String picture, String current, String order)
      throws Exception {
    assertThat(releases(picture).patchApplyContext(id(current))).containsExactlyElementsOf(ids(order));
  }

  @ParameterizedTest(name = "current {0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      9 ; 1 2 9
      1 ; 1 2
      2 ; 1 2
      4 ; 1 2 3 4
      3 ; 1 2 3 4
      5 ; 1 2 3 4 5
      """)
  void withSeveralPendingReleasesTheSmallerOnesApplyFirst(String current, String order) throws Exception {
    assertThat(releases(SEVERAL).patchApplyContext(id(current))).containsExactlyElementsOf(ids(order));
  }

  @ParameterizedTest(name = "target {0} -> {1}")
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1 ; 1 2 9
      1.1.0 ; 1 2 3 4 9
      2.0.0 ; 1 2 3 4 5 9
      """)
  void validationAppliesThePendingReleasesUpToTheTargetThenThePatch(String target, String order) {
    assertThat(releases(SEVERAL).validationContext(v(target), id("9"))).containsExactlyElementsOf(ids(order));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0-rc1: 7 | 1.0.0: 7 | 1.0.1-stage: 2 ; 1.0.0
      1.0.0: 7                               ; 1.0.0
      """)
  void aReleasedPatchIsPartOfTheProductionStateAlready(String picture, String release) {
    assertThatThrownBy(() -> releases(picture).patchApplyContext(id("7")))
        .isInstanceOfSatisfying(ReleaseStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.PATCH_ALREADY_IN_RELEASE);
          assertThat(e.release()).contains(ReleaseName.production(v(release)).toString());
        })
        .hasMessageContaining("Patch 7 is already in release " + release);
  }
}
