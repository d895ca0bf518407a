package dev.hop.core.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"0, 0.00 s", "5, 0.01 s", "420, 0.42 s", "1004, 1.00 s", "1005, 1.01 s", "9994, 9.99 s",
      "9996, 10.00 s", "10049, 10.0 s", "10050, 10.1 s", "12345, 12.3 s", "59900, 59.9 s", "60000, 1 min 00 s",
      "65999, 1 min 05 s", "754000, 12 min 34 s"})
  void secondsThenMinutes(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
