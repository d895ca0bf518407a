package dev.hop.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.MavenLaunch;
import dev.hop.core.base.Secret;
import dev.hop.core.errors.TestRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks real Maven on small projects and reads what their tests found. */
class MavenTestRunnerIT {

  private static final TestDatabaseTarget TARGET = new TestDatabaseTarget(
      "jdbc:postgresql://127.0.0.1:5999/validation_1", Optional.of("validator"), Secret.of("s3cret-pw"));

  @TempDir
  Path dir;

  private final List<HopEvent> events = new ArrayList<>();

  @Test
  void passingTestsSeeTheTargetAndThePasswordOnlyInTheEnvironment() throws Exception {
    Path project = project("passing", """
        @Test void seesTheTarget() {
          assertEquals("jdbc:postgresql://127.0.0.1:5999/validation_1", System.getProperty("hop.url"));
          assertEquals("validator", System.getProperty("hop.user"));
          assertEquals("jdbc:postgresql://127.0.0.1:5999/validation_1", System.getenv("HOP_URL"));
          assertEquals("s3cret-pw", System.getenv("HOP_PASSWORD"));
          assertNull(System.getProperty("hop.password"));
        }
        @Test @Disabled void later() { }
        """);

    TestReport report = runner(Duration.ofMinutes(5)).run(project, TARGET);

    assertThat(report.passed()).as(log()).isTrue();
    assertThat(report.counts()).isEqualTo("Tests run: 2, Failures: 0, Errors: 0, Skipped: 1");
    assertThat(report.failed()).isEmpty();
    assertThat(events).extracting(HopEvent::message).anyMatch(m -> m.startsWith("[tests] ") && m.contains("BUILD SUCCESS"));
    assertThat(log()).doesNotContain("s3cret-pw");
  }

  @Test
  void failingTestsAreNamedWithTheirMessage() throws Exception {
    Path project = project("failing", """
        @Test void tableExists() { fail("relation public.audit does not exist"); }
        @Test void breaks() { throw new IllegalStateException("no connection"); }
        @Test void passes() { }
        """);

    TestReport report = runner(Duration.ofMinutes(5)).run(project, TARGET);

    assertThat(report.passed()).isFalse();
    assertThat(report.exitCode()).isNotZero();
    assertThat(report.counts()).isEqualTo("Tests run: 3, Failures: 1, Errors: 1, Skipped: 0");
    assertThat(report.failed()).extracting(TestReport.FailedTest::toString).containsExactly(
        "DbTest.breaks: no connection", "DbTest.tableExists: relation public.audit does not exist");
  }

  @Test
  void aTimeoutIsAnEnvironmentFailure() throws Exception {
    Path project = project("slow", """
        @Test void sleeps() throws Exception { Thread.sleep(120_000); }
        """);

    assertThatThrownBy(() -> runner(Duration.ofSeconds(4)).run(project, TARGET))
        .isInstanceOf(TestRunException.class)
        .hasMessage("The tests of " + project + " did not finish within the timeout of 4 s: hop ended Maven"
            + " and the processes it had started. Look for a test that hangs, or raise hop.testTimeout.");
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(project.toString())).orElse(false)))
        .as("Maven and Surefire's JVM must not outlive the timeout").isEmpty();
  }

  private MavenTestRunner runner(Duration timeout) {
    MavenLaunch launch = new MavenLaunch(Path.of(property("hop.test.mavenHome")),
        Optional.of(Path.of(property("hop.test.localRepository"))), Optional.empty(), false);
    return new MavenTestRunner(launch, events::add, timeout);
  }

  private String log() {
    return String.join("\n", events.stream().map(HopEvent::message).toList());
  }

  private Path project(String name, String tests) throws IOException {
    Path project = Files.createDirectories(dir.resolve(name));
    Files.writeString(project.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>it.hop</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
              <plugin><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
            </plugins>
          </build>
        </project>
        """.formatted(name, property("hop.test.junitVersion"), property("hop.test.resourcesPluginVersion"),
        property("hop.test.compilerPluginVersion"), property("hop.test.surefireVersion")), StandardCharsets.UTF_8);
    Path test = Files.createDirectories(project.resolve("src/test/java/it/hop")).resolve("DbTest.java");
    Files.writeString(test, """
        package it.hop;
        import static org.junit.jupiter.api.Assertions.*;
        import org.junit.jupiter.api.*;
        class DbTest {
        %s
        }
        """.formatted(tests), StandardCharsets.UTF_8);
    return project;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property " + name + " (set by hop-core's surefire configuration)").isNotBlank();
    return value;
  }
}
