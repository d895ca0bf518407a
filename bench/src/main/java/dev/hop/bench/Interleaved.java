package dev.hop.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in turn, A B A B …, after one untimed warm-up round each, so that drift of the machine (caches,
 * another process, the JIT of the server) hits every side alike.
 */
public final class Interleaved {

  private final int rounds;
  private final PrintStream log;

  public Interleaved(int rounds, PrintStream log) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
    }
    this.rounds = rounds;
    this.log = log;
  }

  /** Warms each contender up once, then measures each {@code rounds} times, interleaved; samples by contender name. */
  public Map<String, Samples> run(String label, List<Contender> contenders) throws Exception {
    Map<String, List<Duration>> times = new LinkedHashMap<>();
    for (Contender contender : contenders) {
      contender.prepare().run();
      Duration warmUp = contender.run().run();
      log.printf("  %s %s warm-up %s s%n", label, contender.name(), Samples.seconds(warmUp));
      times.put(contender.name(), new ArrayList<>());
    }
    for (int round = 1; round <= rounds; round++) {
      for (Contender contender : contenders) {
        contender.prepare().run();
        Duration time = contender.run().run();
        times.get(contender.name()).add(time);
        log.printf("  %s %s round %d/%d %s s%n", label, contender.name(), round, rounds, Samples.seconds(time));
      }
    }
    Map<String, Samples> samples = new LinkedHashMap<>();
    times.forEach((name, list) -> samples.put(name, new Samples(name, list)));
    return samples;
  }
}
