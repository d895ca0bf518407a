package dev.hop.maven.it;

import dev.hop.core.testing.MavenRun;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A hop project on disk for a scenario, laid out as the archetype leaves it: a pom using the
 * plugin under test, {@code Patches/}, {@code releases/}, {@code model/} at 0.0.0, a Git repository on
 * {@code ho-prod} with its first commit pushed to a bare {@code origin} beside it.
 */
final class HopProject extends ScenarioRepository {

  private HopProject(Path root, String artifactId) throws IOException {
    super(root, artifactId);
  }

  /** Creates {@code root/<artifactId>} and {@code root/origin.git}; git runs with {@code root/home} as HOME. */
  static HopProject create(Path root, String artifactId) throws IOException {
    HopProject project = new HopProject(root, artifactId);
    project.layOut(pom(artifactId));
    project.publish();
    return project;
  }

  /** Clones origin into {@code root/<name>} on ho-prod, as a second developer would. */
  Path cloneAs(String name) {
    Path root = dir().getParent();
    git(root, "clone", "-q", "-b", "ho-prod", origin().toString(), root.resolve(name).toString());
    return root.resolve(name);
  }

  private static String pom(String artifactId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>it.hop</groupId>
          <artifactId>%s</artifactId>
          <version>1.0-SNAPSHOT</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>dev.hop</groupId>
                <artifactId>hop-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
                  <basePackage>it.hop.db</basePackage>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(artifactId, MavenRun.pluginVersion());
  }
}
