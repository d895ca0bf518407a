package dev.hop.archetype.it;

import dev.hop.core.testing.MavenRun;
import java.io.IOException;
import java.nio.file.Files;

/** The IT repository's archetype catalog. */
final class ArchetypeCatalog {
  private ArchetypeCatalog() {
  }

  /**
   * Lists hop-archetype in the IT repository's {@code archetype-catalog.xml}, as README's set-up ({@code mvn install},
   * whose archetype:update-local-catalog writes it) leaves ~/.m2; invoker:install copies only the artifacts, and
   * without the entry {@code -DarchetypeCatalog=local} warns "Archetype not found in any catalog".
   */
  static void listTheArchetypeAsInstallDoes() throws IOException {
    Files.writeString(MavenRun.localRepository().resolve("archetype-catalog.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <archetype-catalog xmlns="http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0">
          <archetypes>
            <archetype>
              <groupId>dev.hop</groupId>
              <artifactId>hop-archetype</artifactId>
              <version>%s</version>
            </archetype>
          </archetypes>
        </archetype-catalog>
        """.formatted(MavenRun.pluginVersion()));
  }
}
