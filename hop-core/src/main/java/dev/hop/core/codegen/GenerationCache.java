package dev.hop.core.codegen;

import dev.hop.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Remembers, in {@code .hop/local/codegen.properties}, what each relation class holding the user's code was generated
 * from and what its file held after the last run, so that a file whose generated source and bytes are both as they
 * were then is known to be up to date without parsing it (merging hop's members into a file that a merge produced
 * gives that file again). A file that is exactly hop's needs no entry: it is compared as text. Only an optimisation:
 * a cache file that is missing, unreadable, of another format or written by another build of hop counts as empty,
 * and any mismatch takes the full merge.
 */
final class GenerationCache {

  /** Where the cache lives, below the project: git-ignored with the rest of {@code .hop/local} (SPEC §2). */
  static final String FILE = ".hop/local/codegen.properties";
  private static final String FORMAT = "1";
  private static final String GENERATOR = generator();

  private final Path projectDir;
  /** Project-relative path → digests, as the last run left them and as this run leaves them. */
  private final Map<String, String> previous;
  private final Map<String, String> current = new TreeMap<>();

  private GenerationCache(Path projectDir, Map<String, String> previous) {
    this.projectDir = projectDir;
    this.previous = previous;
  }

  /** The cache of {@code projectDir}'s last run; empty when there is none or it cannot be trusted. */
  static GenerationCache load(Path projectDir) {
    Path file = projectDir.resolve(FILE);
    Map<String, String> entries = new HashMap<>();
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
        if (FORMAT.equals(p.getProperty("format")) && GENERATOR.equals(p.getProperty("generator"))) {
          p.stringPropertyNames().stream().filter(k -> k.endsWith(".java"))
              .forEach(k -> entries.put(k, p.getProperty(k)));
        }
      } catch (IOException | RuntimeException e) {
        entries.clear();
      }
    }
    return new GenerationCache(projectDir, entries);
  }

  /**
   * Whether the last run generated {@code path} from {@code generated} too, and left in it exactly {@code content},
   * what it holds now; if so, the next run is told the same.
   */
  boolean upToDate(Path path, String generated, String content) {
    String last = previous.get(key(path));
    if (last == null || !last.equals(entry(generated, content))) {
      return false;
    }
    current.put(key(path), last);
    return true;
  }

  /** Remembers that this run generated {@code path} from {@code generated} and merged it into {@code content}. */
  void record(Path path, String generated, String content) {
    current.put(key(path), entry(generated, content));
  }

  /**
   * Writes what this run remembered, through a temporary file and an atomic move, unless it is what the last run
   * left; only the files of this run are kept. Keys need no escaping: they are paths of Java sources.
   */
  void save() throws IOException {
    if (current.equals(previous)) {
      return;
    }
    Path file = projectDir.resolve(FILE);
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "codegen-", ".properties");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        out.write("# hop's code generation cache: the SHA-256 of the source hop generated for each class and of the\n"
            + "# file after the last run. Only spares parsing unchanged files; safe to delete.\n"
            + "format=" + FORMAT + "\ngenerator=" + GENERATOR + "\n");
        for (Map.Entry<String, String> e : current.entrySet()) {
          out.write(e.getKey() + "=" + e.getValue() + "\n");
        }
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The project-relative path with {@code /} separators: the key is the same on every OS. */
  private String key(Path path) {
    return projectDir.relativize(path).toString().replace('\\', '/');
  }

  private static String entry(String generated, String content) {
    return sha256(generated) + " " + sha256(content);
  }

  private static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }


  /** This build of hop, so that another one merges every file once: its version and the time it was built. */
  private static String generator() {
    Properties p = new Properties();
    try (InputStream in = GenerationCache.class.getResourceAsStream("/hop/codegen/generator.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no build information: the key below still changes nothing within one build
    }
    return p.getProperty("version", "unknown") + " " + p.getProperty("built", "unknown");
  }
}
