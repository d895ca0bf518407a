package dev.hop.core.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * What one generation run did to the project's files.
 *
 * @param written files created or changed (relation classes, enums, first-time tests)
 * @param unchanged files whose content was already what hop would write
 * @param deleted classes (and their untouched tests) of relations that no longer exist
 * @param kept classes of relations that no longer exist but hold user code, left in place with a warning
 * @param merged existing relation classes parsed to merge hop's members into (written or unchanged); the others were
 *     new, exactly what hop generates, or known up to date from {@code .hop/local/codegen.properties}
 * @param unknownColumns {@code schema.relation.column type} of each column mapped to {@code Object}
 */
public record CodegenResult(List<Path> written, List<Path> unchanged, List<Path> deleted, List<Path> kept,
    List<Path> merged, List<String> unknownColumns) {

  public CodegenResult {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    merged = List.copyOf(merged);
    unknownColumns = List.copyOf(unknownColumns);
  }

  /** {@code written 3, unchanged 12, deleted 1, kept 0}. */
  public String summary() {
    return "written " + written.size() + ", unchanged " + unchanged.size() + ", deleted " + deleted.size()
        + ", kept " + kept.size();
  }
}
