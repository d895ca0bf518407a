package dev.hop.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated release history: production releases {@code 0.1.0}, {@code 0.2.0} …, then optionally the next
 * version's stage patches and a patch under development. Applying {@link #patches()} in order is the whole
 * history, for hop and Flyway alike.
 *
 * @param stageVersion the version the stage patches are added to (the one after the last release)
 */
public record History(long seed, List<Release> releases, String stageVersion, List<Patch> stage,
    Optional<Patch> current) {

  public History {
    releases = List.copyOf(releases);
    stage = List.copyOf(stage);
  }

  /** The patches of the production releases, in order. */
  public List<Patch> released() {
    return releases.stream().flatMap(r -> r.patches().stream()).toList();
  }

  /** Every patch in the order it is applied: released, stage, current. */
  public List<Patch> patches() {
    List<Patch> all = new ArrayList<>(released());
    all.addAll(stage);
    current.ifPresent(all::add);
    return List.copyOf(all);
  }

  /** The last production release's version, {@code 0.0.0} when there is none. */
  public String productionVersion() {
    return releases.isEmpty() ? "0.0.0" : releases.get(releases.size() - 1).version();
  }

  /** The number of SQL files of {@code patches}. */
  public static int files(List<Patch> patches) {
    return patches.stream().mapToInt(p -> p.files().size()).sum();
  }
}
