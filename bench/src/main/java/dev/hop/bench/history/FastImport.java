package dev.hop.bench.history;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@code git fast-import} stream: commits with their files inline, merges, annotated tags. Commits get
 * marks ({@code :1}, {@code :2} …) that later commands of the same stream can name; a commit of an earlier stream is
 * named by its id. Times are fixed (one minute apart from a fixed epoch), so the same history gives the same ids.
 */
final class FastImport {

  /** A file of a commit: a regular file, or a symbolic link whose content is its target. */
  record Entry(String path, byte[] content, boolean symlink) {
    static Entry file(String path, String content) {
      return new Entry(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    static Entry link(String path, String target) {
      return new Entry(path, target.getBytes(StandardCharsets.UTF_8), true);
    }
  }

  private static final long EPOCH = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final String WHO = "hop bench <bench@hop.invalid>";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int marks;
  private long tick;

  /**
   * Appends a commit on {@code ref} with parent {@code from} (a mark or an id; null for a root commit), further
   * parents {@code merges}, and {@code entries} added or replaced in the parent's tree.
   *
   * @return its mark, e.g. {@code :7}
   */
  String commit(String ref, String from, List<String> merges, String message, List<Entry> entries) {
    String mark = ":" + ++marks;
    line("commit " + ref);
    line("mark " + mark);
    line("author " + WHO + " " + time() + " +0000");
    line("committer " + WHO + " " + time() + " +0000");
    data(message.getBytes(StandardCharsets.UTF_8));
    if (from != null) {
      line("from " + from);
    }
    merges.forEach(m -> line("merge " + m));
    for (Entry e : entries) {
      line("M " + (e.symlink() ? "120000" : "100644") + " inline " + e.path());
      data(e.content());
    }
    line("");
    return mark;
  }

  /** Appends an annotated tag {@code name} on {@code target} (a mark or an id). */
  void tag(String name, String target, String message) {
    line("tag " + name);
    line("from " + target);
    line("tagger " + WHO + " " + time() + " +0000");
    data(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a reset of {@code ref} to {@code target}: a branch that points at an existing commit. */
  void branch(String ref, String target) {
    line("reset " + ref);
    line("from " + target);
    line("");
  }

  boolean isEmpty() {
    return out.size() == 0;
  }

  /** The stream so far; the builder starts empty again (marks restart in the next stream). */
  byte[] take() {
    byte[] bytes = out.toByteArray();
    out.reset();
    marks = 0;
    return bytes;
  }

  /** Entries for {@code files} (path → text), in the order given. */
  static List<Entry> files(Map<String, String> files) {
    return files.entrySet().stream().map(e -> Entry.file(e.getKey(), e.getValue())).toList();
  }

  private long time() {
    return EPOCH + 60 * tick++;
  }

  private void data(byte[] bytes) {
    line("data " + bytes.length);
    out.writeBytes(bytes);
    out.write('\n');
  }

  private void line(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }
}
