package dev.hop.core.release;

import static dev.hop.core.release.ReleasesFixture.releases;
import static dev.hop.core.release.ReleasesFixture.v;
import static dev.hop.core.release.ReleasesFixture.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.ReleaseStateException.Reason;
import dev.hop.core.errors.ReleaseStateException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The releases upgrade applies, through {@link Releases#upgradePath}. */
class UpgradePathTest {

  private static final String FOLDER =
      "1.0.0: 1 | 1.1.0: 1 2 | 1.9.0: 1 2 3 | 1.10.0: 1 2 3 4 | 2.0.0: 1 2 3 4 5 | 2.1.0-rc1: 6 | 2.1.0-stage: 7";

  private static Optional<Version> to(String text) {
    return text.isBlank() ? Optional.empty() : Optional.of(v(text));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = ';', textBlock = """
      0.0.0  ; ''     ; 1.0.0 1.1.0 1.9.0 1.10.0 2.0.0
      1.0.0  ; ''     ; 1.1.0 1.9.0 1.10.0 2.0.0
      1.1.0  ; 1.10.0 ; 1.9.0 1.10.0
      1.0.0  ; 1.1.0  ; 1.1.0
      2.0.0  ; ''     ; ''
      1.1.0  ; 1.1.0  ; ''
      0.0.0  ; 0.0.0  ; ''
      1.5.0  ; 2.0.0  ; 1.9.0 1.10.0 2.0.0
      """)
  void productionReleasesAfterTheDatabaseUpToTheTarget(String from, String target, String path)
      throws Exception {
    assertThat(releases(FOLDER).upgradePath(v(from), to(target))).containsExactlyElementsOf(versions(path));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0 ; 1.5.0 ; NOT_A_PRODUCTION_RELEASE ; Release 1.5.0 is not a production release: the production releases are 1.0.0, 1.1.0, 1.9.0, 1.10.0, 2.0.0. Run: hop upgrade toRelease=<1.0.0|1.1.0|1.9.0|1.10.0|2.0.0>
      1.0.0 ; 2.1.0 ; NOT_A_PRODUCTION_RELEASE ; Release 2.1.0 is not a production release
      1.1.0 ; 1.0.0 ; DOWNGRADE                ; Release 1.0.0 is older than the database's version 1.1.0: hop does not downgrade. Run: hop update
      2.0.0 ; 1.9.0 ; DOWNGRADE                ; hop does not downgrade
      """)
  void refusesAnUnknownTargetOrADowngrade(String from, String target, Reason reason, String message) {
    assertThatThrownBy(() -> releases(FOLDER).upgradePath(v(from), to(target)))
        .isInstanceOfSatisfying(ReleaseStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.version()).contains(target);
        })
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"''", "1.0.0-rc1: 1"})
  void withoutProductionReleasesTheMessageSaysThereAreNone(String picture) {
    assertThatThrownBy(() -> releases(picture).upgradePath(Version.ZERO, to("1.0.0")))
        .isInstanceOfSatisfying(ReleaseStateException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PRODUCTION_RELEASE))
        .hasMessage("Release 1.0.0 is not a production release: there are none yet. Run: hop update");
  }
}
