package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static Samples ms(long... millis) {
    return new Samples("x", java.util.Arrays.stream(millis).mapToObj(Duration::ofMillis).toList());
  }

  @Test
  void medianOfAnOddCountIsTheMiddleTime() {
    assertThat(ms(500, 100, 300).median()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleTimes() {
    assertThat(ms(400, 100, 200, 900).median()).isEqualTo(Duration.ofMillis(300));
    assertThat(ms(400, 100, 200, 900).medianSeconds()).isEqualTo(0.3);
  }

  @Test
  void describesMedianMinMaxAndCount() {
    assertThat(ms(1200, 1000, 1500).describe()).isEqualTo("1.200 s (1.000–1.500, n=3)");
  }

  @Test
  void ratioIsHopsMedianOverThePeersAndTheVerdictSaysByHowMuchATargetIsMissed() {
    Comparison met = new Comparison("P", "a vs b", ms(100, 100, 100), ms(500, 400, 600), 0.4, "");
    Comparison missed = new Comparison("P", "a vs b", ms(300), ms(500), 0.4, "");
    assertThat(met.ratio()).isEqualTo(0.2);
    assertThat(met.verdict()).isEqualTo("met");
    assertThat(met.ratioRange()).isEqualTo("0.17–0.25");
    assertThat(missed.verdict()).isEqualTo("missed by 50%");
  }

  @Test
  void refusesAnEmptySample() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Samples("x", List.of()))
        .hasMessageContaining("no time measured for x");
  }
}
