package dev.hop.core.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Remembers, in {@code .hop/local/codegen.properties}, for each relation class of the last run: the SHA-256 of its
 * inputs ({@link GenerationInputs}) and the checksums of the source hop generated from them and of what its file held
 * after the run. A file whose inputs and bytes are both as they were then needs neither generating nor parsing: the
 * same inputs give the same source with the same build of hop, and merging that source into a file that a merge
 * produced gives that file again. When the inputs changed but give the same source, the file still needs no parsing.
 * Only an optimisation: a cache file that is missing, unreadable, of another format or written by another build of
 * hop counts as empty, an entry that is not spelled as this class writes it is ignored, and any mismatch takes the
 * full generation and merge.
 *
 * <p>Sources are checksummed, not hashed: every run checks every file, and SHA-256 of a large model's sources costs
 * a cold JVM as much as generating them. The checksum (the UTF-8 length, CRC-32C and
 * CRC-32) notices any edit, checkout or reset of a file short of one crafted to collide, which nobody has a reason
 * to craft.
 */
final class GenerationCache {

  /** Where the cache lives, below the project: git-ignored with the rest of {@code .hop/local}. */
  static final String FILE = ".hop/local/codegen.properties";
  private static final String FORMAT = "2";
  private static final String UNKNOWN = "unknown";
  private static final String GENERATOR = generator();

  private final Path projectDir;
  /** Project-relative path → entry, as the last run left them and as this run leaves them. */
  private final Map<String, Entry> previous;
  private final Map<String, Entry> current = new TreeMap<>();

  /**
   * What one run did to one class: the lower-case hex SHA-256 of its inputs, the {@linkplain #checksum checksums} of
   * the source generated from them and of its file.
   */
  private record Entry(String inputs, String generated, String content) {

    /** The entry {@code text} spells, or null when it is not a digest and two checksums. */
    static Entry parse(String text) {
      String[] parts = text.split(" ", -1);
      if (parts.length != 3 || !isHex(parts[0], 64) || !isHex(parts[1], 24) || !isHex(parts[2], 24)) {
        return null;
      }
      return new Entry(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
      return inputs + " " + generated + " " + content;
    }

    private static boolean isHex(String text, int length) {
      if (text.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
          return false;
        }
      }
      return true;
    }
  }

  private GenerationCache(Path projectDir, Map<String, Entry> previous) {
    this.projectDir = projectDir;
    this.previous = previous;
  }

  /** The cache of {@code projectDir}'s last run; empty when there is none or it cannot be trusted. */
  static GenerationCache load(Path projectDir) {
    Path file = projectDir.resolve(FILE);
    Map<String, Entry> entries = new HashMap<>();
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
        if (FORMAT.equals(p.getProperty("format")) && !GENERATOR.equals(UNKNOWN)
            && GENERATOR.equals(p.getProperty("generator"))) {
          for (String key : p.stringPropertyNames()) {
            Entry entry = key.endsWith(".java") ? Entry.parse(p.getProperty(key)) : null;
            if (entry != null) {
              entries.put(key, entry);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        entries.clear();
      }
    }
    return new GenerationCache(projectDir, entries);
  }

  /**
   * Whether the last run generated {@code path} from inputs of digest {@code inputs} too, and left in it exactly
   * {@code content}, what it holds now: then its class needs no generating. If so, the next run is told the same.
   */
  boolean unchanged(Path path, String inputs, String content) {
    Entry last = previous.get(key(path));
    if (last == null || !last.inputs().equals(inputs) || !last.content().equals(checksum(content))) {
      return false;
    }
    current.put(key(path), last);
    return true;
  }

  /**
   * Whether the last run generated {@code path} as {@code generated} too, whatever from, and left in it exactly
   * {@code content}, what it holds now: then it needs no parsing.
   */
  boolean upToDate(Path path, String generated, String content) {
    Entry last = previous.get(key(path));
    return last != null && last.generated().equals(checksum(generated))
        && last.content().equals(checksum(content));
  }

  /**
   * Remembers that this run generated {@code path} from inputs of digest {@code inputs} as {@code generated} and left
   * {@code content} in its file.
   */
  void record(Path path, String inputs, String generated, String content) {
    String checksum = checksum(generated);
    current.put(key(path), new Entry(inputs, checksum, content.equals(generated) ? checksum : checksum(content)));
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
        out.write("# hop's code generation cache: the SHA-256 of what hop generated each class from, then\n"
            + "# checksums of the source it generated and of the file after the last run. Only spares\n"
            + "# generating and parsing unchanged files; safe to delete.\n"
            + "format=" + FORMAT + "\ngenerator=" + GENERATOR + "\n");
        for (Map.Entry<String, Entry> e : current.entrySet()) {
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

  /** The length, CRC-32C and CRC-32 of {@code text}'s UTF-8 bytes in 24 hex digits: cheap, for whole sources. */
  private static String checksum(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CRC32C crc32c = new CRC32C();
    crc32c.update(bytes);
    CRC32 crc32 = new CRC32();
    crc32.update(bytes);
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(bytes.length) + hex.toHexDigits((int) crc32c.getValue())
        + hex.toHexDigits((int) crc32.getValue());
  }

  /**
   * This build of hop, so that another one generates and merges every file once: its version and the time it was
   * built. Entries trust it to say that the same inputs give the same source, so without it (a build whose resources
   * were not filtered) no cache is trusted: {@code unknown}, which no cache file is loaded with.
   */
  private static String generator() {
    Properties p = new Properties();
    try (InputStream in = GenerationCache.class.getResourceAsStream("/hop/codegen/generator.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return UNKNOWN;
    }
    String version = p.getProperty("version", "");
    String built = p.getProperty("built", "");
    if (version.isEmpty() || built.isEmpty() || version.contains("${") || built.contains("${")) {
      return UNKNOWN;
    }
    return version + " " + built;
  }
}
