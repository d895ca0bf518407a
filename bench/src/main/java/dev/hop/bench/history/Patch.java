package dev.hop.bench.history;

import java.util.List;

/**
 * A generated patch: its number, its id ({@code <number>-<slug>}, a valid hop patch id), a title for its README,
 * and its 1–3 SQL files in the order hop runs them.
 */
public record Patch(int number, String id, String title, List<SqlFile> files) {

  public Patch {
    files = List.copyOf(files);
    if (!id.matches("\\d+-[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 64 || !id.startsWith(number + "-")) {
      throw new IllegalArgumentException("Not a hop patch id for number " + number + ": " + id);
    }
  }

  /** {@code Patches/<id>/README.md} as patch-new writes it (title, then the description). */
  public String readme() {
    return "# " + id + "\n\n" + title + "\n";
  }

  /** Every file's SQL, concatenated in order: what this patch runs. */
  public String sql() {
    StringBuilder all = new StringBuilder();
    files.forEach(f -> all.append(f.sql()));
    return all.toString();
  }
}
