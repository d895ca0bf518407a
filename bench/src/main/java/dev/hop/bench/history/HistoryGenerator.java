package dev.hop.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Generates a release history from a seed: the same seed and shape give the same patches, byte for byte, and a
 * smaller shape gives a prefix of a larger one's production patches. Releases are {@code 0.1.0}, {@code 0.2.0} …;
 * patches are numbered from 1 and hold 1–3 SQL files of one change each (see {@link ChangeWriter}).
 */
public final class HistoryGenerator {

  private final long seed;

  public HistoryGenerator(long seed) {
    this.seed = seed;
  }

  public History generate(HistoryShape shape) {
    Random random = new Random(seed);
    ChangeWriter writer = new ChangeWriter(random);
    int number = 0;
    List<Release> releases = new ArrayList<>();
    for (int r = 1; r <= shape.releases(); r++) {
      List<Patch> patches = new ArrayList<>();
      for (int p = 0; p < shape.patchesPerRelease(); p++) {
        patches.add(patch(++number, random, writer));
      }
      releases.add(new Release(version(r), patches));
    }
    List<Patch> stage = new ArrayList<>();
    for (int p = 0; p < shape.stagePatches(); p++) {
      stage.add(patch(++number, random, writer));
    }
    Optional<Patch> current = shape.currentPatch() ? Optional.of(patch(++number, random, writer)) : Optional.empty();
    return new History(seed, releases, version(shape.releases() + 1), stage, current);
  }

  /** The version of the {@code n}-th release (1-based): {@code 0.<n>.0}. */
  static String version(int n) {
    return "0." + n + ".0";
  }

  private static Patch patch(int number, Random random, ChangeWriter writer) {
    int count = 1 + random.nextInt(3);
    List<SqlFile> files = new ArrayList<>();
    String slug = null;
    String title = null;
    for (int f = 1; f <= count; f++) {
      ChangeWriter.Change change = writer.next();
      if (slug == null) {
        slug = change.slug();
        title = change.title();
      }
      files.add(new SqlFile(String.format("%02d-%s.sql", f, change.kind()), change.sql()));
    }
    String id = number + "-" + slug;
    if (id.length() > 64) {
      id = id.substring(0, 64).replaceAll("-+$", "");
    }
    return new Patch(number, id, title + (count > 1 ? " and " + (count - 1) + " more change(s)" : ""), files);
  }
}
