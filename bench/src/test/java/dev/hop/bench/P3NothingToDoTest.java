package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class P3NothingToDoTest {

  @Test
  void theFloorNoteSaysWhatTheStartUpLeavesOfTheTargetForTheGoalsOwnWork() {
    Map<String, Samples> samples = new LinkedHashMap<>();
    samples.put("status-5000", samples("status-5000", 1.772, 1.442, 1.946));
    samples.put("upgrade-5000", samples("upgrade-5000", 1.602, 1.516, 1.735));
    samples.put("flyway-5000", samples("flyway-5000", 3.340, 3.090, 3.834));
    samples.put("validate", samples("validate", 1.140, 1.014, 1.225));
    samples.put("hop-help", samples("hop-help", 1.332, 1.241, 1.524));

    // allowed 0.5 × 3.34 = 1.67; start-up 1.14; plugin 1.332 − 1.14 = 0.19; left 1.67 − 1.332 = 0.34;
    // status 1.772 − 1.332 = 0.44; upgrade 1.602 − 1.332 = 0.27
    assertThat(P3NothingToDo.floorNote(samples, 0.5))
        .startsWith("Start-up alone, in the same loop: mvn validate on the hop project 1.140 s")
        .contains("Of the 1.67 s the target allows hop at 5,000 patches, Maven's start-up takes 1.14 s and loading"
            + " hop's plugin 0.19 s, which leaves 0.34 s for a goal's own work; hop:status spent 0.44 s on it and"
            + " hop:upgrade 0.27 s (medians).");
  }

  private static Samples samples(String name, double... seconds) {
    List<Duration> list = Arrays.stream(seconds).mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).toList();
    return new Samples(name, list);
  }
}
