package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Releases} values from a one-line picture of the folder, for tests. */
final class ReleasesFixture {

  private ReleasesFixture() {}

  /**
   * {@code "1.0.0: 1 2 | 1.0.1-rc1: 3 | 1.0.1-stage: 4 5 | 1.1.0-stage:"}: file names without
   * {@code .txt}, each with its patch ids separated by spaces; an empty picture is an empty folder.
   */
  static Releases releases(String picture) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String entry : picture.split("\\|")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] nameAndIds = entry.split(":", -1);
      String ids = nameAndIds.length > 1 ? nameAndIds[1].trim() : "";
      files.put(nameAndIds[0].trim() + ".txt", ids.isEmpty() ? "" : String.join("\n", ids.split("\\s+")) + "\n");
    }
    try {
      return Releases.of(files, CommandHints.NEUTRAL);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad picture " + picture, e);
    }
  }

  static Version v(String text) {
    try {
      return Version.parse(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ReleaseName name(String text) {
    return ReleaseName.parse(text + ".txt").orElseThrow(() -> new IllegalArgumentException(text));
  }

  static PatchId id(String text) {
    return new PatchId(text);
  }

  /** {@code "1 2 3"} as ids; blank gives none. */
  static List<PatchId> ids(String spaced) {
    return spaced.isBlank() ? List.of() : Arrays.stream(spaced.trim().split("\\s+")).map(PatchId::new).toList();
  }

  /** {@code "1.0.0 1.1.0"} as versions; blank gives none. */
  static List<Version> versions(String spaced) {
    return spaced.isBlank() ? List.of() : Arrays.stream(spaced.trim().split("\\s+")).map(ReleasesFixture::v).toList();
  }
}
