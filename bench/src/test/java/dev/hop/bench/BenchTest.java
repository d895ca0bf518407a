package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchTest {

  @Test
  void aRunWaitsWhatIsLeftOfTheQuietTimeAfterTheLastOne() {
    assertThat(Bench.leftToWait(Duration.ZERO)).isEqualTo(Bench.QUIET);
    assertThat(Bench.leftToWait(Duration.ofMinutes(4))).isEqualTo(Bench.QUIET.minusMinutes(4));
    assertThat(Bench.leftToWait(Bench.QUIET)).isZero();
    assertThat(Bench.leftToWait(Bench.QUIET.plusSeconds(1))).isZero();
  }

  @Test
  void aClockThatWentBackMakesNoRunWait() {
    assertThat(Bench.leftToWait(Duration.ofMinutes(-3))).isZero();
  }
}
