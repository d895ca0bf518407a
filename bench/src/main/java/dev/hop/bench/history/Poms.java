package dev.hop.bench.history;

/**
 * The pom of a project the bench generates for one side (hop, Flyway, jOOQ): the same head for all, and the one
 * plugin that side runs, every version pinned so that Maven warns nothing.
 */
public final class Poms {
  private Poms() {}

  /**
   * A {@code pom}-packaged project {@code groupId:artifactId:1.0-SNAPSHOT} whose build declares {@code plugins}
   * (XML elements, indented for {@code <plugins>}, each line ending with a newline).
   */
  public static String project(String groupId, String artifactId, String plugins) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId>
          <artifactId>%s</artifactId>
          <version>1.0-SNAPSHOT</version>
          <packaging>pom</packaging>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <build>
            <plugins>
        %s    </plugins>
          </build>
        </project>
        """.formatted(groupId, artifactId, plugins);
  }
}
