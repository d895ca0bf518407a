package dev.hop.bench.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The production state 0.0.0 a new hop project starts from: the archetype's own {@code model/schema-0.0.0.sql} and
 * {@code model/metadata-0.0.0.sql}, read from the hop-archetype module of this repository.
 */
public record ArchetypeModel(byte[] schema, byte[] metadata) {

  private static final String MODEL = "hop-archetype/src/main/resources/archetype-resources/model";

  /** Reads the files from the repository whose root is {@code repository}. */
  public static ArchetypeModel read(Path repository) throws IOException {
    Path model = repository.resolve(MODEL);
    return new ArchetypeModel(Files.readAllBytes(model.resolve("schema-0.0.0.sql")),
        Files.readAllBytes(model.resolve("metadata-0.0.0.sql")));
  }

  /** The repository root seen from the bench module: the parent of {@code bench.dir} (default: the current folder). */
  public static Path repository() {
    return Path.of(System.getProperty("bench.dir", ".")).toAbsolutePath().normalize().getParent();
  }
}
