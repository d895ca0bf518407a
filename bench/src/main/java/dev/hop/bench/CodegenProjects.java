package dev.hop.bench;

import dev.hop.bench.history.Poms;
import java.util.Optional;

/**
 * The two projects P4 builds, as a user would write them: one declaring hop's plugin (base package only, the
 * database given on the command line as {@code -Dhop.url}), one declaring {@code jooq-codegen-maven} with the
 * PostgreSQL driver and the usual jdbc, input schema and target configuration. Every plugin version is pinned, and
 * a password (when the server wants one) comes from the environment variable {@value #PASSWORD_VARIABLE}, never the
 * command line or the file.
 */
final class CodegenProjects {

  /** The environment variable the poms read the database password from. */
  static final String PASSWORD_VARIABLE = "HOP_BENCH_PASSWORD";

  private CodegenProjects() {}

  /** A project whose {@code mvn hop:generate} writes the relation classes under {@code basePackage}. */
  static String hopPom(String hopVersion, String basePackage, boolean password) {
    String configuration = "          <basePackage>" + xml(basePackage) + "</basePackage>\n"
        + (password ? "          <password>${env." + PASSWORD_VARIABLE + "}</password>\n" : "");
    return project("hop-codegen", """
              <plugin>
                <groupId>dev.hop</groupId>
                <artifactId>hop-maven-plugin</artifactId>
                <version>%s</version>
                <configuration>
        %s        </configuration>
              </plugin>
        """.formatted(xml(hopVersion), configuration));
  }

  /**
   * A project whose {@code mvn jooq-codegen:generate} reads {@code schema} of the database at {@code url} and writes
   * jOOQ's classes in package {@code packageName} under {@code target/generated-sources/jooq} (jOOQ's default).
   */
  static String jooqPom(String jooqVersion, String postgresqlVersion, String url, Optional<String> user,
      boolean password, String schema, String packageName) {
    String login = user.map(u -> "            <user>" + xml(u) + "</user>\n").orElse("")
        + (password ? "            <password>${env." + PASSWORD_VARIABLE + "}</password>\n" : "");
    return project("jooq-codegen", """
              <plugin>
                <groupId>org.jooq</groupId>
                <artifactId>jooq-codegen-maven</artifactId>
                <version>%s</version>
                <dependencies>
                  <dependency>
                    <groupId>org.postgresql</groupId>
                    <artifactId>postgresql</artifactId>
                    <version>%s</version>
                  </dependency>
                </dependencies>
                <configuration>
                  <jdbc>
                    <driver>org.postgresql.Driver</driver>
                    <url>%s</url>
        %s          </jdbc>
                  <generator>
                    <database>
                      <name>org.jooq.meta.postgres.PostgresDatabase</name>
                      <inputSchema>%s</inputSchema>
                    </database>
                    <target>
                      <packageName>%s</packageName>
                      <directory>target/generated-sources/jooq</directory>
                    </target>
                  </generator>
                </configuration>
              </plugin>
        """.formatted(xml(jooqVersion), xml(postgresqlVersion), xml(url), login, xml(schema), xml(packageName)));
  }

  private static String project(String artifactId, String plugin) {
    return Poms.project("bench", artifactId, plugin);
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
