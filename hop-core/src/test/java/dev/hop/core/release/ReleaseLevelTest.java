package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.InvalidReleaseLevelException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseLevelTest {

  @ParameterizedTest
  @CsvSource({"patch, PATCH", "minor, MINOR", "major, MAJOR", "PATCH, PATCH", "Minor, MINOR", "mAjOr, MAJOR"})
  void parsesTheThreeLevelsInAnyCase(String text, ReleaseLevel expected) throws Exception {
    assertThat(ReleaseLevel.parse(text, CommandHints.NEUTRAL)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "minr", " minor", "minor ", "rc", "prod", "1", "MİNOR"})
  void refusesOthersListingTheThree(String text) {
    assertThatThrownBy(() -> ReleaseLevel.parse(text, CommandHints.NEUTRAL))
        .isInstanceOfSatisfying(InvalidReleaseLevelException.class, e -> assertThat(e.input()).isEqualTo(text))
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("patch, minor or major")
        .hasMessageContaining("Run: hop release-new level=<patch|minor|major>");
  }

  @ParameterizedTest
  @CsvSource({"PATCH, patch", "MINOR, minor", "MAJOR, major"})
  void labelsAreWhatUsersType(ReleaseLevel level, String label) {
    assertThat(level.label()).isEqualTo(label);
  }
}
