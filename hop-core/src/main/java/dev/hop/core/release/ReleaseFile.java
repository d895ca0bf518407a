package dev.hop.core.release;

import dev.hop.core.errors.InvalidPatchIdException;
import dev.hop.core.errors.ReleaseFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The contents of one release file: its patch ids in the order they were added.
 *
 * @param patches the ids, each at most once
 */
public record ReleaseFile(List<PatchId> patches) {

  /** A file that lists no patch, such as a new stage. */
  public static final ReleaseFile EMPTY = new ReleaseFile(List.of());

  /** The first line of the production file that hop:adopt writes, followed by the adopted database's name. */
  public static final String ADOPTION_MARK = "# hop:adopt ";

  /** The text of the release file of an adoption: no patch, the mark naming the database. */
  public static String adoptionText(String database) {
    return ADOPTION_MARK + database + "\n";
  }

  /** Whether {@code text} is the file of an adoption (it starts with {@link #ADOPTION_MARK}). */
  public static boolean isAdoption(String text) {
    return text.startsWith(ADOPTION_MARK);
  }

  public ReleaseFile {
    patches = List.copyOf(patches);
    if (new HashSet<>(patches).size() != patches.size()) {
      throw new IllegalArgumentException("a release file lists each patch once: " + patches);
    }
  }

  /**
   * Reads a file's text: each line is trimmed; blank lines and lines starting with {@code #} are
   * ignored; every other line must be a patch id, listed once.
   *
   * @param fileName the name in {@code releases/}, for messages
   * @throws ReleaseFileException naming the file and the first faulty line
   */
  public static ReleaseFile parse(String fileName, String text) throws ReleaseFileException {
    List<PatchId> ids = new ArrayList<>();
    Map<PatchId, Integer> firstLine = new HashMap<>();
    List<String> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      PatchId id;
      try {
        id = PatchId.of(line);
      } catch (InvalidPatchIdException e) {
        throw ReleaseFileException.invalidLine(fileName, i + 1, e);
      }
      Integer first = firstLine.putIfAbsent(id, i + 1);
      if (first != null) {
        throw ReleaseFileException.duplicate(fileName, i + 1, id.value(), first);
      }
      ids.add(id);
    }
    return new ReleaseFile(ids);
  }

  /**
   * {@code text} cut at every line break ({@code \R}: CR LF, or one of LF, VT, FF, CR, NEL, LS, PS) without a
   * regular expression: every goal reads every release file, thousands of lines, in a fresh JVM.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  /** This file with {@code id} added last; {@code id} must not be listed yet. */
  public ReleaseFile append(PatchId id) {
    List<PatchId> more = new ArrayList<>(patches);
    more.add(id);
    return new ReleaseFile(more);
  }

  public boolean contains(PatchId id) {
    return patches.contains(id);
  }

  public boolean isEmpty() {
    return patches.isEmpty();
  }

  /** The text to write: one id per line, each followed by a newline (empty for no patch). */
  public String text() {
    StringBuilder b = new StringBuilder();
    patches.forEach(id -> b.append(id.value()).append('\n'));
    return b.toString();
  }
}
