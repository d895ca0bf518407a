package dev.hop.core.workflow;

import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.release.PatchId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the {@code README.md} a new patch folder starts with: its title and description (SPEC §5). */
public final class PatchReadme {

  private PatchReadme() {
  }

  /** The README's text: a title naming the patch, then the description (or a line asking for one). */
  public static String text(PatchId patch, String description) {
    String body = description.isBlank() ? "Describe what this patch changes and why." : description.strip();
    return "# Patch " + patch + "\n\n" + body + "\n";
  }

  /** Writes {@code dir/README.md}, creating {@code dir}. */
  public static void write(Path dir, PatchId patch, String description) throws ProjectFileException {
    Path file = dir.resolve("README.md");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, text(patch, description), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProjectFileException("write", file, e);
    }
  }

  /** Takes back {@link #write}: deletes {@code dir/README.md}, then {@code dir} when it is empty. */
  public static void delete(Path dir) throws ProjectFileException {
    Path file = dir.resolve("README.md");
    try {
      Files.deleteIfExists(file);
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new ProjectFileException("delete", file, e);
    }
  }
}
