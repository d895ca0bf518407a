package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.release.ReleaseName.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseNameTest {

  @ParameterizedTest
  @CsvSource({
      "1.4.0-stage.txt, 1.4.0, STAGE, 0, 1.4.0-stage",
      "1.4.0-rc1.txt, 1.4.0, RC, 1, 1.4.0-rc1",
      "1.4.0-rc2.txt, 1.4.0, RC, 2, 1.4.0-rc2",
      "1.4.0-rc10.txt, 1.4.0, RC, 10, 1.4.0-rc10",
      "1.4.0.txt, 1.4.0, PRODUCTION, 0, 1.4.0",
      "0.0.1.txt, 0.0.1, PRODUCTION, 0, 0.0.1",
      "10.20.30-stage.txt, 10.20.30, STAGE, 0, 10.20.30-stage"})
  void parsesAndRendersReleaseFileNames(String fileName, String version, Kind kind, int rc, String shown)
      throws Exception {
    ReleaseName name = ReleaseName.parse(fileName).orElseThrow();

    assertThat(name).isEqualTo(new ReleaseName(Version.parse(version), kind, rc));
    assertThat(name.fileName()).isEqualTo(fileName);
    assertThat(name).hasToString(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "1.4.0", "1.4.txt", "1.4.0-rc0.txt", "1.4.0-rc01.txt", "1.4.0-rc.txt",
      "1.4.0-stage.md", "1.4.0-STAGE.txt", "01.4.0.txt", "1.4.0-beta.txt", "1.4.0.txt~", ".1.4.0.txt",
      "1.4.0-stage.txt.bak", "v1.4.0.txt", "1.4.0-rc1-stage.txt", "sub/1.4.0.txt"})
  void otherFilesAreNotReleaseFiles(String fileName) {
    assertThat(ReleaseName.parse(fileName)).isEmpty();
  }

  @Test
  void ordersByVersionThenRcsByNumberThenStageThenProduction() {
    List<String> expected = List.of("1.9.0-rc1", "1.9.0", "1.10.0-rc1", "1.10.0-rc2", "1.10.0-rc9",
        "1.10.0-rc10", "1.10.0-rc11", "1.10.0-stage", "1.10.0", "2.0.0-stage");
    List<ReleaseName> names = new ArrayList<>();
    for (String s : expected) {
      names.add(ReleaseName.parse(s + ".txt").orElseThrow());
    }
    Collections.shuffle(names, new java.util.Random(42));
    Collections.sort(names);

    assertThat(names).extracting(ReleaseName::toString).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"RC, 0", "STAGE, 1", "PRODUCTION, 1", "RC, -1"})
  void refusesAnRcNumberThatDoesNotFitTheKind(Kind kind, int rc) {
    assertThatThrownBy(() -> new ReleaseName(Version.ZERO, kind, rc)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kindPredicates() {
    Version v = new Version(1, 0, 0);
    assertThat(ReleaseName.stage(v).isStage()).isTrue();
    assertThat(ReleaseName.rc(v, 1).isRc()).isTrue();
    assertThat(ReleaseName.production(v).isProduction()).isTrue();
    assertThat(ReleaseName.stage(v).isRc()).isFalse();
    assertThat(ReleaseName.rc(v, 1).isProduction()).isFalse();
    assertThat(ReleaseName.production(v).isStage()).isFalse();
  }
}
