package dev.hop.core.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a work tree's status through Git's own {@code git status}, for {@link WorkTreeCheck}, which a fresh JVM gets
 * far sooner than JGit's status, loaded and run for that one read. Read-only: it takes no
 * optional lock, so it never refreshes the index as a plain {@code git status} may. Any failure (no Git, a refusal
 * such as {@code safe.directory}'s, output it cannot read) gives empty, for JGit to read the status instead.
 */
final class GitStatusProgram {

  private final Path git;

  GitStatusProgram(Path git) {
    this.git = git;
  }

  /**
   * The changes of {@code workTree}, below {@code folder} (repository-relative) when given; empty when Git could not
   * tell them.
   */
  Optional<WorkTreeCheck.Changes> changes(Path workTree, Optional<String> folder) {
    List<String> arguments = new ArrayList<>(List.of("status", "--porcelain=v1", "-z", "--untracked-files=all",
        "--no-renames"));
    folder.ifPresent(f -> arguments.addAll(List.of("--", ":(top,literal)" + f)));
    try {
      Process process = ReadOnlyGit.builder(git, workTree, arguments).start();
      process.getOutputStream().close();
      byte[] output;
      try (InputStream out = process.getInputStream()) {
        output = out.readAllBytes();
      }
      return process.waitFor() == 0 ? parse(output) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Reads {@code --porcelain=v1 -z} output: entries {@code XY path}, each ended by a NUL, X the index's state and Y
   * the work tree's (no renames, since {@code --no-renames}). Sorted like JGit's: modified (work tree changed or
   * missing, and every conflict), staged (added, changed or removed in the index), untracked.
   */
  static Optional<WorkTreeCheck.Changes> parse(byte[] output) {
    TreeSet<String> modified = new TreeSet<>();
    TreeSet<String> staged = new TreeSet<>();
    TreeSet<String> untracked = new TreeSet<>();
    int start = 0;
    while (start < output.length) {
      int end = start;
      while (end < output.length && output[end] != 0) {
        end++;
      }
      if (end == output.length || end - start < 4 || output[start + 2] != ' ') {
        return Optional.empty();
      }
      char x = (char) output[start];
      char y = (char) output[start + 1];
      String path = new String(output, start + 3, end - start - 3, StandardCharsets.UTF_8);
      if (x == '?' && y == '?') {
        untracked.add(path);
      } else if (x == 'U' || y == 'U' || (x == 'A' && y == 'A') || (x == 'D' && y == 'D')) {
        modified.add(path);
      } else if ("MADT".indexOf(x) < 0 && x != ' ' || "MDT".indexOf(y) < 0 && y != ' ') {
        return Optional.empty();
      } else {
        if (x != ' ') {
          staged.add(path);
        }
        if (y != ' ') {
          modified.add(path);
        }
      }
      start = end + 1;
    }
    return Optional.of(new WorkTreeCheck.Changes(List.copyOf(modified), List.copyOf(staged),
        List.copyOf(untracked)));
  }
}
