package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.InvalidVersionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  @ParameterizedTest
  @CsvSource({"0.0.0, 0, 0, 0", "1.4.2, 1, 4, 2", "10.0.11, 10, 0, 11", "999999999.0.1, 999999999, 0, 1"})
  void parsesStrictForm(String text, int major, int minor, int patch) throws Exception {
    Version v = Version.parse(text);

    assertThat(v).isEqualTo(new Version(major, minor, patch));
    assertThat(v.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "+1.2.3", "-1.2.3",
      "1.-2.3", " 1.2.3", "1.2.3 ", "v1.2.3", "1.2.x", "1..3", "1.2.3-rc1", "1234567890.0.0", "١.2.3"})
  void refusesAnyOtherForm(String text) {
    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOfSatisfying(InvalidVersionException.class, e -> assertThat(e.input()).isEqualTo(text))
        .hasMessageContaining("Invalid version '" + text + "'")
        .hasMessageContaining("MAJOR.MINOR.PATCH")
        .hasMessageContaining("leading zeros");
  }

  @ParameterizedTest
  @CsvSource({
      "1.10.0, 1.9.0",
      "1.0.10, 1.0.9",
      "10.0.0, 9.99.99",
      "1.0.1, 1.0.0",
      "2.0.0, 1.999.999"})
  void ordersNumerically(String greater, String smaller) throws Exception {
    Version g = Version.parse(greater);
    Version s = Version.parse(smaller);

    assertThat(g).isGreaterThan(s);
    assertThat(s).isLessThan(g);
    assertThat(g.isAfter(s)).isTrue();
    assertThat(s.isAfter(g)).isFalse();
  }

  @Test
  void sortsAListNumerically() throws Exception {
    List<Version> versions = new ArrayList<>(List.of(
        Version.parse("1.10.0"), Version.parse("1.9.0"), Version.parse("0.0.0"), Version.parse("1.9.10")));
    Collections.sort(versions);

    assertThat(versions).extracting(Version::toString).containsExactly("0.0.0", "1.9.0", "1.9.10", "1.10.0");
  }

  @ParameterizedTest
  @CsvSource({
      "1.4.2, PATCH, 1.4.3",
      "1.4.2, MINOR, 1.5.0",
      "1.4.2, MAJOR, 2.0.0",
      "0.0.0, PATCH, 0.0.1",
      "0.0.0, MINOR, 0.1.0",
      "0.0.0, MAJOR, 1.0.0",
      "1.9.9, MINOR, 1.10.0"})
  void bumps(String from, ReleaseLevel level, String to) throws Exception {
    assertThat(Version.parse(from).bump(level)).isEqualTo(Version.parse(to));
  }

  @Test
  void zeroIsTheFirstVersion() {
    assertThat(Version.ZERO).hasToString("0.0.0");
  }

  @Test
  void refusesNegativeNumbers() {
    assertThatThrownBy(() -> new Version(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
