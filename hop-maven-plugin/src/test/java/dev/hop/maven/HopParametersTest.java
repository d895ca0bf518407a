package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import dev.hop.core.base.HopSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real plugin descriptor through Maven's harness: goal-parameter aliases, settings.xml
 * credentials (decrypted by Maven's own decrypter) and the typed settings value.
 */
@MojoTest
class HopParametersTest {
  private static final String URL = "jdbc:postgresql://localhost:5432/db";

  /** Encrypted with the test master password of src/test/resources/settings/settings-security.xml. */
  private static final String ENCRYPTED = "{7JnJTzcjMvMHdpAZsO9/2pvzAp64N/arW12sljQKpEI=}";
  private static final String CLEAR = "s3cret-db-pass";
  private static String previousSecurity;

  @Inject
  private MavenSession session;

  @BeforeAll
  static void masterPassword() {
    previousSecurity = System.getProperty("settings.security");
    System.setProperty("settings.security",
        Path.of("src/test/resources/settings/settings-security.xml").toAbsolutePath().toString());
  }

  @AfterAll
  static void restore() {
    if (previousSecurity == null) {
      System.clearProperty("settings.security");
    } else {
      System.setProperty("settings.security", previousSecurity);
    }
  }

  @BeforeEach
  void settingsXml() {
    Settings settings = new Settings();
    settings.addServer(server("db", "hop_owner", ENCRYPTED));
    settings.addServer(server("git", "alice", "token-123"));
    when(session.getSettings()).thenReturn(settings);
  }

  @Test
  @InjectMojo(goal = "status")
  void shortPropertyIsRead(StatusMojo mojo) {
    session.getUserProperties().setProperty("id", "12-users");

    assertThat(mojo.parameter("id", null)).contains("12-users");
  }

  @Test
  @InjectMojo(goal = "status")
  void prefixedPropertyWinsOverShortOne(StatusMojo mojo) {
    session.getUserProperties().setProperty("id", "12-users");
    session.getUserProperties().setProperty("hop.id", "13-orders");

    assertThat(mojo.parameter("id", "14-from-pom")).contains("13-orders");
  }

  @Test
  @InjectMojo(goal = "status")
  void propertiesWinOverPomAndPomIsTheFallback(StatusMojo mojo) {
    assertThat(mojo.parameter("toVersion", "1.2.0")).contains("1.2.0");
    assertThat(mojo.parameter("toVersion", null)).isEmpty();

    session.getUserProperties().setProperty("toVersion", "1.3.0");
    assertThat(mojo.parameter("toVersion", "1.2.0")).contains("1.3.0");
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL) // a url: no embedded server to resolve
  @MojoParameter(name = "serverId", value = "db")
  void serverIdGivesDecryptedCredentials(StatusMojo mojo) throws Exception {
    HopSettings settings = mojo.settings();

    assertThat(settings.user()).contains("hop_owner");
    assertThat(settings.password().reveal()).isEqualTo(CLEAR);
    assertThat(settings.toString()).doesNotContain(CLEAR).doesNotContain(ENCRYPTED);
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL) // a url: no embedded server to resolve
  @MojoParameter(name = "serverId", value = "db")
  @MojoParameter(name = "user", value = "explicit_user")
  void explicitUserWinsOverServer(StatusMojo mojo) throws Exception {
    HopSettings settings = mojo.settings();

    assertThat(settings.user()).contains("explicit_user");
    assertThat(settings.password().reveal()).isEqualTo(CLEAR);
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL)
  void theEnvironmentGivesCredentialsWhenNothingElseDoes(StatusMojo mojo) throws Exception {
    mojo.environment = Map.of("HOP_USER", "ci_deployer", "HOP_PASSWORD", "from-the-ci-secrets");

    HopSettings settings = mojo.settings();

    assertThat(settings.user()).contains("ci_deployer");
    assertThat(settings.password().reveal()).isEqualTo("from-the-ci-secrets");
    assertThat(settings.toString()).doesNotContain("from-the-ci-secrets");
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL)
  @MojoParameter(name = "serverId", value = "db")
  void aServerWinsOverTheEnvironment(StatusMojo mojo) throws Exception {
    mojo.environment = Map.of("HOP_USER", "ci_deployer", "HOP_PASSWORD", "from-the-ci-secrets");

    HopSettings settings = mojo.settings();

    assertThat(settings.user()).contains("hop_owner");
    assertThat(settings.password().reveal()).isEqualTo(CLEAR);
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL)
  void withoutCredentialsTheDriverDefaultsApply(StatusMojo mojo) throws Exception {
    mojo.environment = Map.of("HOP_USER", " ");

    HopSettings settings = mojo.settings();

    assertThat(settings.user()).isEmpty();
    assertThat(settings.password().isPresent()).isFalse();
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "serverId", value = "nope")
  void unknownServerIsAUserError(StatusMojo mojo) {
    assertThatThrownBy(mojo::settings)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No <server> with id 'nope' in settings.xml")
        .hasMessageContaining("hop.serverId");
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = URL) // a url: no embedded server to resolve
  @MojoParameter(name = "gitServerId", value = "git")
  void gitServerIdGivesGitCredentials(StatusMojo mojo) throws Exception {
    HopSettings.GitCredentials git = mojo.settings().git();

    assertThat(git.username()).contains("alice");
    assertThat(git.password().reveal()).isEqualTo("token-123");
    assertThat(git.source()).isEqualTo("settings.xml server 'git'");
  }

  @Test
  @InjectMojo(goal = "status")
  @MojoParameter(name = "url", value = "jdbc:postgresql://db.example.org/shop")
  @MojoParameter(name = "basePackage", value = "com.example.db")
  void parametersBecomeTypedSettings(StatusMojo mojo) throws Exception {
    HopSettings settings = mojo.settings();

    assertThat(settings.jdbcUrl()).contains("jdbc:postgresql://db.example.org/shop");
    assertThat(settings.basePackage()).isEqualTo("com.example.db");
    assertThat(settings.user()).isEqualTo(Optional.empty());
    assertThat(settings.password().isPresent()).isFalse();
    assertThat(settings.hints().command("patch-add", "id", "12", "toVersion", "1.4.0"))
        .isEqualTo("mvn hop:patch-add -Did=12 -DtoVersion=1.4.0");
  }

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }
}
