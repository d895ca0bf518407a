package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.errors.InvalidVersionException;
import dev.hop.core.errors.ProjectFileException;
import dev.hop.core.errors.ProjectStateException;
import dev.hop.core.release.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production state of {@code model/}: {@code schema.sql}, the relative symlink to
 * {@code schema-X.Y.Z.sql}, and {@code metadata-X.Y.Z.sql}, with the version they are at.
 *
 * @param version the production version the snapshot is at
 * @param schema the bytes of the schema snapshot
 * @param metadata the bytes of the metadata snapshot
 */
public record ProductionState(Version version, byte[] schema, byte[] metadata) {
  private static final Pattern SNAPSHOT = Pattern.compile("schema-(\\d+\\.\\d+\\.\\d+)\\.sql");

  /**
   * Reads {@code model/} of a project (a working tree or a validation work tree).
   *
   * @throws ProjectStateException when schema.sql is missing, not a link to a schema-X.Y.Z.sql, or the
   *     metadata file of that version is missing
   */
  public static ProductionState read(Path model) throws HopException {
    Path link = model.resolve("schema.sql");
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      throw ProjectStateException.missing(link, "the production schema snapshot");
    }
    Path target;
    try {
      target = Files.isSymbolicLink(link) ? Files.readSymbolicLink(link) : null;
    } catch (IOException e) {
      throw new ProjectFileException("read the link", link, e);
    }
    Matcher m = target == null ? null : SNAPSHOT.matcher(target.getFileName().toString());
    if (m == null || !m.matches()) {
      throw ProjectStateException.malformed(link, "must be a relative symbolic link to schema-X.Y.Z.sql"
          + (target == null ? ", it is a plain file" : ", it points to " + target)
          + ". Repair it with: ln -sf schema-<version>.sql " + link);
    }
    Version version = parse(m.group(1), link);
    Path metadata = model.resolve("metadata-" + version + ".sql");
    if (!Files.isRegularFile(metadata)) {
      throw ProjectStateException.missing(metadata, "the metadata snapshot of production " + version);
    }
    try {
      return new ProductionState(version, Files.readAllBytes(link), Files.readAllBytes(metadata));
    } catch (IOException e) {
      throw new ProjectFileException("read the production snapshot in", model, e);
    }
  }

  private static Version parse(String text, Path link) throws ProjectStateException {
    try {
      return Version.parse(text);
    } catch (InvalidVersionException e) {
      throw ProjectStateException.malformed(link, "points to a snapshot whose version is not X.Y.Z: " + text);
    }
  }
}
