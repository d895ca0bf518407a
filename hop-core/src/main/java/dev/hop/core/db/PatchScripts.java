package dev.hop.core.db;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the scripts of a patch folder: {@code *.sql} and {@code *.java} files directly in the folder,
 * in case-insensitive name order; README.md, other files and sub-folders are ignored.
 */
public final class PatchScripts {

  private static final Comparator<String> ORDER =
      Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

  private PatchScripts() {
  }

  /**
   * @param files the patch folder's files, keyed by their path relative to the folder ({@code /} separated)
   */
  public static List<PatchScript> of(Map<String, byte[]> files) {
    return files.entrySet().stream()
        .filter(e -> !e.getKey().contains("/"))
        .filter(e -> kind(e.getKey()) != null)
        .sorted(Map.Entry.comparingByKey(ORDER))
        .map(e -> new PatchScript(e.getKey(), e.getValue(), kind(e.getKey())))
        .toList();
  }

  private static PatchScript.Kind kind(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".sql")) {
      return PatchScript.Kind.SQL;
    }
    return lower.endsWith(".java") ? PatchScript.Kind.JAVA : null;
  }
}
