package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hop.core.Hop;
import dev.hop.core.base.HopSettings;
import dev.hop.core.errors.HopEnvironmentException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.HopUserException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the one place where hop-core's failures become Maven's, and the skip switch. */
class AbstractHopMojoTest {

  @TempDir
  File dir;

  private final List<String> ran = new ArrayList<>();
  private MavenSession session;

  @BeforeEach
  void session() {
    session = mock(MavenSession.class);
    when(session.getUserProperties()).thenReturn(new Properties());
    when(session.getSettings()).thenReturn(new Settings());
  }

  @Test
  void userErrorsFailTheBuildWithTheirMessage() {
    AbstractHopMojo mojo = mojoThrowing(new Refused("Must be on ho-prod branch. Run: mvn hop:status"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Must be on ho-prod branch. Run: mvn hop:status");
  }

  @Test
  void aUserErrorsCauseIsKeptOutOfTheMessageMavenPrints() {
    Refused refused = new Refused("Upgrade failed in release 1.0.0. A released file is never edited: fix it forward");
    refused.initCause(new IllegalStateException("Fix Patches/4-guard/01_check.sql, then run mvn hop:patch-apply"));
    AbstractHopMojo mojo = mojoThrowing(refused);

    assertThatThrownBy(mojo::execute).isInstanceOfSatisfying(MojoFailureException.class, e -> {
      assertThat(e.getCause()).as("Maven appends each cause's message to the one it prints").isNull();
      assertThat(e.getSuppressed()).containsExactly(refused);
    });
  }

  @Test
  void environmentFailuresAreExecutionErrors() {
    AbstractHopMojo mojo = mojoThrowing(new Broken("Cannot reach origin"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("Cannot reach origin");
  }

  @Test
  void unexpectedFailuresAreReportedAsBugs() {
    AbstractHopMojo mojo = mojoThrowing(new IllegalStateException("boom"));

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("hop:test-goal failed unexpectedly")
        .hasMessageContaining("boom")
        .hasMessageContaining("report");
  }

  @Test
  void runsTheGoalOnTheProjectSettings() throws Exception {
    AbstractHopMojo mojo = mojoThrowing(null);

    mojo.execute();

    assertThat(ran).containsExactly("ran in " + dir.getName() + " on database shop_db");
  }

  @Test
  void skipDoesNothing() throws Exception {
    AbstractHopMojo mojo = mojoThrowing(new IllegalStateException("must not run"));
    mojo.skip = true;

    mojo.execute();

    assertThat(ran).isEmpty();
  }

  private AbstractHopMojo mojoThrowing(Exception failure) {
    AbstractHopMojo mojo = new AbstractHopMojo() {
      @Override
      protected String goal() {
        return "test-goal";
      }

      @Override
      protected Object run(Hop hop) throws HopException {
        if (failure instanceof HopException e) {
          throw e;
        }
        if (failure instanceof RuntimeException e) {
          throw e;
        }
        HopSettings s = hop.settings();
        ran.add("ran in " + s.projectDir().getFileName() + " on database " + s.database());
        return new Ran(s.database(), List.of("a", "b"));
      }
    };
    mojo.session = session;
    mojo.basedir = dir;
    mojo.artifactId = "shop-db";
    mojo.groupId = "it.hop";
    return mojo;
  }

  /** A goal's result, as the JSON document shows its record components. */
  public record Ran(String database, List<String> names) {
  }

  @Test
  void withJsonOutputADoneGoalWritesItsResult() throws Exception {
    AbstractHopMojo mojo = mojoThrowing(null);
    mojo.output = "json";

    mojo.execute();

    assertThat(dir.toPath().resolve("target/hop/test-goal.json")).content().isEqualTo("{\"format\":1,"
        + "\"goal\":\"test-goal\",\"outcome\":\"done\",\"database\":\"shop_db\",\"names\":[\"a\",\"b\"]}\n");
  }

  @Test
  void withJsonOutputARefusedGoalWritesWhatWasRefusedAndWhy() {
    AbstractHopMojo mojo = mojoThrowing(new Refused("Must be on ho-prod branch. Run: mvn hop:status"));
    mojo.output = "json";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    assertThat(dir.toPath().resolve("target/hop/test-goal.json")).content().isEqualTo("{\"format\":1,"
        + "\"goal\":\"test-goal\",\"outcome\":\"refused\",\"error\":{\"type\":\"Refused\",\"reason\":null,"
        + "\"message\":\"Must be on ho-prod branch. Run: mvn hop:status\"}}\n");
  }

  private static final class Refused extends HopUserException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private static final class Broken extends HopEnvironmentException {
    private static final long serialVersionUID = 1L;

    Broken(String message) {
      super(message);
    }
  }
}
