package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static Samples ms(long... millis) {
    return new Samples("x", Arrays.stream(millis).mapToObj(Duration::ofMillis).toList());
  }

  @Test
  void aRatioIsMetUpToItsTargetAndOtherwiseSaysByHowMuchItMissed() {
    Comparison met = new Comparison("P1", "a vs b", ms(400, 380, 420), ms(1000, 900, 1100), 0.4, "");
    Comparison missed = new Comparison("P1", "a vs b", ms(600), ms(1000), 0.4, "");

    assertThat(met.result()).isEqualTo("0.40");
    assertThat(met.ratioRange()).isEqualTo("0.35–0.47");
    assertThat(met.targetText()).isEqualTo("≤ 0.40");
    assertThat(met.verdict()).isEqualTo("met");
    assertThat(missed.verdict()).isEqualTo("missed by 50%");
    assertThat(new Comparison("P2", "a vs b", ms(3164), ms(5260), 0.6, "").verdict()).isEqualTo("missed by 0.3%");
  }

  @Test
  void aGrowthIsTheDifferenceOfTheMediansInSecondsStrictlyUnderItsLimit() {
    Comparison growth = Comparison.growth("P3", "1,000 → 5,000", ms(1500, 1400, 1700), ms(1300, 1250, 1350), 0.3, "");
    Comparison missed = Comparison.growth("P3", "1,000 → 5,000", ms(1800), ms(1300), 0.3, "");

    assertThat(growth.result()).isEqualTo("+0.20 s");
    assertThat(growth.ratioRange()).isEqualTo("+0.05–+0.45 s");
    assertThat(growth.targetText()).isEqualTo("< 0.30 s");
    assertThat(growth.verdict()).isEqualTo("met");
    assertThat(missed.verdict()).isEqualTo("missed by 0.20 s");
  }
}
