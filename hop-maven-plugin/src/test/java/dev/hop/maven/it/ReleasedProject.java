package dev.hop.maven.it;

import dev.hop.core.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hop project with production releases made the way promote leaves them (release file listing all patches,
 * {@code Patches/<id>/} on ho-prod, annotated tag {@code vX.Y.Z}, pushed), written with the git CLI only, and
 * the production database at 0.0.0 it is upgraded from.
 */
final class ReleasedProject {
  static final String METADATA_0 = "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n"
      + "INSERT INTO half_orm_meta.hop_release (major, minor, patch, pre_release, pre_release_num, changelog)\n"
      + "VALUES (0, 0, 0, '', '', 'Initial release');\n";

  private final HopProject project;

  private ReleasedProject(HopProject project) {
    this.project = project;
  }

  /** A new project at 0.0.0 with its metadata snapshot committed and pushed. */
  static ReleasedProject create(Path root, String artifactId) throws IOException {
    HopProject project = HopProject.create(root, artifactId);
    project.write("model/metadata-0.0.0.sql", METADATA_0);
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "[ho] Add model/metadata-0.0.0.sql");
    project.git("push", "-q", "origin", "ho-prod");
    return new ReleasedProject(project);
  }

  HopProject project() {
    return project;
  }

  Path dir() {
    return project.dir();
  }

  /** Starts a release's patches: add them with {@link Patches#patch} then {@link Patches#release()}. */
  Patches release(String version) {
    return new Patches(version);
  }

  /** Writes {@code releases/<name>.txt} listing {@code ids}, commits and pushes (an RC or stage file). */
  void releaseFileOnly(String name, String... ids) throws IOException {
    project.write("releases/" + name + ".txt", String.join("\n", ids) + "\n");
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "[ho] Add " + name);
    project.git("push", "-q", "origin", "ho-prod");
  }

  /** Collects a production release's patches and files. */
  final class Patches {
    private final String version;
    private final Map<String, Map<String, String>> patches = new LinkedHashMap<>();

    private Patches(String version) {
      this.version = version;
    }

    /** A patch with its files, alternating name and content. */
    Patches patch(String id, String... nameAndContent) {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("README.md", "# " + id + "\n");
      for (int i = 0; i + 1 < nameAndContent.length; i += 2) {
        files.put(nameAndContent[i], nameAndContent[i + 1]);
      }
      patches.put(id, files);
      return this;
    }

    /** Commits the patches and {@code releases/X.Y.Z.txt} on ho-prod, tags {@code vX.Y.Z} and pushes both. */
    void release() throws IOException {
      for (Map.Entry<String, Map<String, String>> p : patches.entrySet()) {
        for (Map.Entry<String, String> f : p.getValue().entrySet()) {
          project.write("Patches/" + p.getKey() + "/" + f.getKey(), f.getValue());
        }
      }
      project.write("releases/" + version + ".txt", String.join("\n", patches.keySet()) + "\n");
      project.git("add", "-A");
      project.git("commit", "-q", "-m", "[ho] Release " + version);
      project.git("tag", "-a", "v" + version, "-m", "[ho] Release " + version);
      project.git("push", "-q", "--atomic", "origin", "ho-prod", "v" + version);
    }
  }

  /** Puts {@code db} at production 0.0.0 (hop's metadata and its release row) plus a table of existing data. */
  static void productionAtZero(TestDatabase db) throws IOException, SQLException {
    String ddl;
    try (InputStream in = ReleasedProject.class.getClassLoader().getResourceAsStream("hop/db/metadata.sql")) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute(ddl);
      s.execute(METADATA_0);
      s.execute("CREATE TABLE seed (id int PRIMARY KEY, name text); INSERT INTO seed VALUES (1, 'one'), (2, 'two')");
    }
  }
}
