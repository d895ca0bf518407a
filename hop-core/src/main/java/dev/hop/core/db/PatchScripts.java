package dev.hop.core.db;

import dev.hop.core.errors.PatchScriptException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the scripts of a patch folder: {@code *.sql} and {@code *.java} files directly in the folder,
 * in case-insensitive name order. Scripts of other languages (half_orm_dev's Python, shell, psql files...) are refused
 * by {@link #requireRunnable}, so that none is skipped without a word; any other file (README.md, data a Java script
 * reads) and sub-folders stay unread.
 */
public final class PatchScripts {

  private static final Comparator<String> ORDER =
      Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());
  /** Scripts hop does not run, by extension: the language each is written in. */
  private static final Map<String, String> NOT_RUN = Map.ofEntries(Map.entry("py", "a Python script"),
      Map.entry("sh", "a shell script"), Map.entry("bash", "a shell script"), Map.entry("zsh", "a shell script"),
      Map.entry("psql", "a psql script"), Map.entry("pgsql", "a psql script"), Map.entry("pl", "a Perl script"),
      Map.entry("rb", "a Ruby script"), Map.entry("js", "a JavaScript file"), Map.entry("ts", "a TypeScript file"),
      Map.entry("groovy", "a Groovy script"), Map.entry("kts", "a Kotlin script"),
      Map.entry("ps1", "a PowerShell script"), Map.entry("bat", "a Windows batch file"),
      Map.entry("cmd", "a Windows batch file"), Map.entry("php", "a PHP script"));

  private PatchScripts() {
  }

  /**
   * Refuses a patch folder holding a script hop does not run, naming it and the kinds hop runs.
   *
   * @param folder the folder as the user knows it, {@code Patches/<id>}
   * @param next the command to run once it is fixed
   * @throws PatchScriptException NOT_RUNNABLE for the first such file, in name order
   */
  public static void requireRunnable(String folder, Map<String, byte[]> files, String next)
      throws PatchScriptException {
    for (String name : files.keySet().stream().filter(n -> !n.contains("/")).sorted(ORDER).toList()) {
      int dot = name.lastIndexOf('.');
      String language = dot < 0 ? null : NOT_RUN.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (language != null) {
        String file = folder + "/" + name;
        throw new PatchScriptException(PatchScriptException.Reason.NOT_RUNNABLE, file, 0, 0, null, null, file
            + " is " + language + ", which hop does not run: hop runs a patch's *.sql files (through JDBC) and"
            + " *.java single-file programs (with java), in name order, and leaves any other file unread (README.md,"
            + " data a .java script reads). Rewrite it as SQL or as a .java script, or move it out of " + folder
            + "/, then run " + next);
      }
    }
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
