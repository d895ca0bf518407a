package dev.hop.core.release;

import static dev.hop.core.release.ReleasesFixture.id;
import static dev.hop.core.release.ReleasesFixture.ids;
import static dev.hop.core.release.ReleasesFixture.name;
import static dev.hop.core.release.ReleasesFixture.releases;
import static dev.hop.core.release.ReleasesFixture.v;
import static dev.hop.core.release.ReleasesFixture.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.ReleaseFileException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a {@link Releases} value says exists; the goals' rules are in {@link ReleasesLifecycleTest}. */
class ReleasesTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                                            ; ''                  ; 0.0.0
      1.0.0: 1                                      ; 1.0.0               ; 1.0.0
      1.9.0: 1 | 1.10.0: 1 2 | 1.2.0: 1             ; 1.2.0 1.9.0 1.10.0  ; 1.10.0
      1.0.0: 1 | 1.1.0-stage: 2 | 1.1.0-rc1: 2      ; 1.0.0               ; 1.0.0
      """)
  void productionVersionIsTheGreatestProductionFile(String picture, String all, String greatest) {
    Releases r = releases(picture);

    assertThat(r.productionVersions()).containsExactlyElementsOf(versions(all));
    assertThat(r.productionVersion()).isEqualTo(v(greatest));
  }

  @Test
  void theProductionFileMarkedByAdoptIsTheAdoption() throws Exception {
    Releases adopted = Releases.of(Map.of("1.0.0.txt", ReleaseFile.adoptionText("legacy"), "1.1.0.txt", "2-emails\n",
        "1.2.0-stage.txt", ReleaseFile.adoptionText("not a production file")), CommandHints.NEUTRAL);

    assertThat(adopted.adoption()).contains(v("1.0.0"));
    assertThat(adopted.patches(ReleaseName.production(v("1.0.0")))).isEmpty();
    assertThat(adopted.productionVersion()).isEqualTo(v("1.1.0"));
    assertThat(releases("1.0.0: 1").adoption()).isEmpty();
    assertThat(Releases.of(Map.of("1.0.0.txt", "1-users\n" + ReleaseFile.adoptionText("late")), CommandHints.NEUTRAL)
        .adoption()).as("the mark must be the first line").isEmpty();
  }

  @Test
  void stagesAreSortedWithTheirContents() {
    Releases r = releases("2.0.0-stage: | 1.0.0: 1 | 1.10.0-stage: 7 | 1.0.1-stage: 3 2");

    assertThat(r.stages()).containsExactlyElementsOf(versions("1.0.1 1.10.0 2.0.0"));
    assertThat(r.stage(v("1.0.1")).orElseThrow().patches()).containsExactlyElementsOf(ids("3 2"));
    assertThat(r.stage(v("2.0.0")).orElseThrow().isEmpty()).isTrue();
    assertThat(r.stage(v("1.0.0"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.1-rc1: 1                                        ; 1.0.1-rc1                       ; 1.0.1-rc1
      1.0.1-rc3: 1 | 1.0.1-rc1: 1                         ; 1.0.1-rc1 1.0.1-rc3             ; 1.0.1-rc3
      1.0.1-rc10: 1 | 1.0.1-rc9: 1 | 1.0.1-rc2: 1         ; 1.0.1-rc2 1.0.1-rc9 1.0.1-rc10  ; 1.0.1-rc10
      1.0.1-stage: 1 | 1.1.0-rc1: 2                       ; ''                              ; ''
      """)
  void rcsSortByNumber(String picture, String rcs, String latest) {
    Releases r = releases(picture);

    assertThat(r.rcs(v("1.0.1")).stream().map(ReleaseName::toString).toList())
        .isEqualTo(rcs.isBlank() ? java.util.List.of() : java.util.List.of(rcs.split(" ")));
    assertThat(r.latestRc(v("1.0.1")).map(ReleaseName::toString)).isEqualTo(Optional.ofNullable(
        latest.isBlank() ? null : latest));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      ''                                                         ; ''
      1.0.1-stage: 1                                             ; ''
      1.0.1-rc1: 1 | 1.0.1-rc2: 1 2                              ; 1.0.1-rc2
      1.0.0-rc1: 1 | 1.0.0: 1                                    ; ''
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-rc1: 2                     ; 1.0.1-rc1
      1.1.0-rc1: 2 | 1.0.1-rc1: 1 | 1.0.1-rc2: 1 3               ; 1.0.1-rc2
      """)
  void theActiveRcIsTheLatestRcOfAnUnreleasedVersion(String picture, String active) {
    assertThat(releases(picture).activeRc().map(ReleaseName::toString))
        .isEqualTo(Optional.ofNullable(active.isBlank() ? null : active));
  }

  @Test
  void activeRcsListsEveryUnreleasedVersionsLatestRc() {
    Releases r = releases("1.0.0-rc1: 1 | 1.0.0: 1 | 1.1.0-rc1: 2 | 1.0.1-rc1: 3 | 1.0.1-rc2: 3 4");

    assertThat(r.activeRcs()).containsExactly(name("1.0.1-rc2"), name("1.1.0-rc1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0: 1                                                    ; ''
      1.0.0: 1 | 1.1.0-stage: | 1.0.1-stage: 2                    ; 1.0.1 1.1.0
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-rc1: 2                      ; 1.0.1
      1.0.1-rc1: 2 | 1.0.1-stage: 3 | 2.0.0-stage:                ; 1.0.1 2.0.0
      """)
  void pendingVersionsHaveAStageOrAnActiveRc(String picture, String pending) {
    assertThat(releases(picture).pendingVersions()).containsExactlyElementsOf(versions(pending));
  }

  @Test
  void aProductionFileListsEveryPatchOfTheRelease() {
    Releases r = releases("1.0.0-rc1: 1 2 | 1.0.0-rc2: 1 2 3 | 1.0.0: 1 2 3 | 1.1.0-stage: 4");

    assertThat(r.patches(name("1.0.0"))).containsExactlyElementsOf(ids("1 2 3"));
    assertThat(r.patches(name("1.0.0-rc1"))).containsExactlyElementsOf(ids("1 2"));
    assertThat(r.patches(name("1.1.0-stage"))).containsExactlyElementsOf(ids("4"));
    assertThat(r.patches(name("1.2.0-stage"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      1.0.0-rc1: 1 | 1.0.0: 1 | 1.0.1-stage: 2   ; 1 ; 1.0.0
      1.0.1-rc1: 1 | 1.0.1-rc2: 1 2              ; 1 ; 1.0.1-rc2
      1.0.1-rc1: 1 | 1.0.1-stage: 2              ; 2 ; 1.0.1-stage
      1.0.1-stage: 2                             ; 3 ; ''
      """)
  void releaseListingIsTheMostAdvancedFileListingThePatch(String picture, String patch, String listing) {
    assertThat(releases(picture).releaseListing(id(patch)).map(ReleaseName::toString))
        .isEqualTo(Optional.ofNullable(listing.isBlank() ? null : listing));
  }

  @Test
  void filesThatAreNotReleaseFilesAreIgnored() throws Exception {
    Releases r = Releases.of(Map.of("README.md", "# not ids at all", "1.0.0.txt", "1\n", "notes.txt", "x y"),
        CommandHints.NEUTRAL);

    assertThat(r.names()).containsExactly(name("1.0.0"));
  }

  @Test
  void aBadReleaseFileIsRefusedWhenBuilding() {
    assertThatThrownBy(() -> Releases.of(Map.of("1.0.1-stage.txt", "1\n2_x\n"), CommandHints.NEUTRAL))
        .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
          assertThat(e.fileName()).isEqualTo("1.0.1-stage.txt");
          assertThat(e.line()).isEqualTo(2);
        });
  }

  @Test
  void namesAreInReleaseNameOrder() {
    Releases r = releases("1.10.0-stage: | 1.9.0: 1 | 1.10.0-rc10: 2 | 1.10.0-rc9: 2 | 1.9.0-rc1: 1");

    assertThat(r.names()).extracting(ReleaseName::toString)
        .containsExactly("1.9.0-rc1", "1.9.0", "1.10.0-rc9", "1.10.0-rc10", "1.10.0-stage");
  }
}
