package dev.hop.core.workflow;

import dev.hop.core.release.PatchId;

/** Writes the {@code README.md} a new patch folder starts with: its title and description. */
public final class PatchReadme {

  private PatchReadme() {
  }

  /** The README's text: a title naming the patch, then the description (or a line asking for one). */
  public static String text(PatchId patch, String description) {
    String body = description.isBlank() ? "Describe what this patch changes and why." : description.strip();
    return "# Patch " + patch + "\n\n" + body + "\n";
  }
}
