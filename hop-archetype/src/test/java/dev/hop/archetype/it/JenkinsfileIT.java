package dev.hop.archetype.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.archetype.it.JenkinsAgent.Build;
import dev.hop.core.testing.GitCli;
import dev.hop.core.testing.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkinsfile of a project made by the archetype, run as a Jenkins multibranch job runs it (see
 * {@link JenkinsAgent}: detached checkouts of one branch, the agent's own HOME and Git identity): a developer pushes a
 * release and a patch, then the job builds the patch branch, adds the patch, promotes to rc and to production, and
 * deploys to a production database with the job's credentials (a password that only they hold, never printed).
 */
class JenkinsfileIT {
  private static final String CREDENTIALS = "hop-production-db";
  private static final String DEPLOYER_PASSWORD = "s3:cr\\et 'of' $the:job";

  @TempDir
  Path root;

  @AfterEach
  void noServerLeft() {
    List<ProcessHandle> left = EndToEndIT.postgresUnder(root);
    left.forEach(ProcessHandle::destroy);
    left.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
  }

  @Test
  void theJobBuildsPatchesAddsPromotesAndDeploys() throws Exception {
    long start = System.nanoTime();
    Path origin = root.resolve("origin.git");
    GitCli git = new GitCli(root.resolve("developer"));
    git.run(root, "init", "-q", "--bare", "-b", "ho-prod", origin.toString());
    MavenRun maven = MavenRun.forThisBuild(root, git.environment());
    ArchetypeCatalog.listTheArchetypeAsInstallDoes();
    Path dev = Files.createDirectories(root.resolve("dev"));
    succeeds(maven.runWithoutProject(dev, properties("archetypeCatalog", "local", "archetypeGroupId", "dev.hop",
        "archetypeArtifactId", "hop-archetype", "archetypeVersion", MavenRun.pluginVersion(), "groupId", "com.example",
        "artifactId", "demo", "package", "com.example", "origin", origin.toString()),
        "org.apache.maven.plugins:maven-archetype-plugin:" + MavenRun.required("hop.it.archetypePluginVersion")
            + ":generate"));
    Path demo = dev.resolve("demo");

    // production: a clone's embedded server stands in (it asks for a password), its database created at 0.0.0
    succeeds(maven.runWithoutProject(root, properties("url", origin.toString(), "dir", "prod"),
        MavenRun.plugin() + "clone"));
    Path prod = root.resolve("prod");
    String port = Files.readAllLines(prod.resolve(".hop/local/server.properties")).stream()
        .filter(l -> l.startsWith("port=")).findFirst().orElseThrow().substring(5);
    String password = Files.readString(prod.resolve(".hop/local/password"), StandardCharsets.UTF_8).strip();
    String productionUrl = "jdbc:postgresql://127.0.0.1:" + port + "/demo_prod";
    Map<String, String> withPassFile = new HashMap<>(git.environment());
    withPassFile.put("PGPASSFILE", prod.resolve(".hop/local/pgpass").toString());
    succeeds(MavenRun.forThisBuild(root, withPassFile).run(prod, properties("hop.url", productionUrl,
        "hop.user", "postgres", "create", "true"), "hop:upgrade"));

    // a developer: a release, and a patch pushed without running patch-apply (the job applies it)
    succeeds(maven.run(demo, properties("level", "minor"), "hop:release-new"));
    succeeds(maven.run(demo, properties("id", "1-users", "description", "The users"), "hop:patch-new"));
    Files.writeString(demo.resolve("Patches/1-users/01_users.sql"),
        "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    git.run(demo, "add", "-A");
    git.run(demo, "commit", "-q", "-m", "Users");
    git.run(demo, "push", "-q", "-u", "origin", "ho-patch/1-users");

    // the job's credentials: a deployer, with a password that a shell or a password file would have to escape
    try (Connection c = DriverManager.getConnection(productionUrl, properties("user", "postgres", "password",
        password)); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE deployer LOGIN SUPERUSER PASSWORD '" + DEPLOYER_PASSWORD.replace("'", "''") + "'");
    }
    JenkinsAgent jenkins = new JenkinsAgent(root.resolve("jenkins"), origin, maven,
        Map.of("HOP_PROD_URL", productionUrl));
    jenkins.credentials(CREDENTIALS, "deployer", DEPLOYER_PASSWORD);

    Build patch = jenkins.build("ho-patch/1-users", "none", "");
    assertThat(patch.succeeded()).as(patch.log()).isTrue();
    assertThat(patch.stages()).containsExactly("Patch: build and test");
    assertThat(patch.outputOf("hop:patch-apply")).contains("[INFO] Patch 1-users applied");
    assertThat(patch.outputOf("mvn -B verify")).contains("in com.example.db.public_.UsersTest")
        .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
    assertThat(patch.outputOf("hop:db-stop")).contains("[INFO] Stopped the embedded PostgreSQL of this project");
    assertThat(EndToEndIT.postgresUnder(jenkins.workspace("ho-patch/1-users"))).as("db-stop, in post").isEmpty();

    Build add = jenkins.build("ho-prod", "patch-add", "1-users");
    assertThat(add.succeeded()).as(add.log()).isTrue();
    assertThat(add.stages()).containsExactly("Status", "Add a patch");
    Path workspace = jenkins.workspace("ho-prod");
    assertThat(workspace.resolve("target/hop/status.json")).content().startsWith(
        "{\"format\":1,\"goal\":\"status\",\"outcome\":\"done\",\"branch\":\"ho-prod\",\"productionVersion\":\"0.0.0\"")
        .contains("\"stages\":[{\"release\":\"0.1.0-stage\",\"version\":\"0.1.0\",\"patches\":[]}]");
    assertThat(git.run(origin, "show", "ho-prod:releases/0.1.0-stage.txt")).isEqualTo("1-users");
    assertThat(git.run(origin, "log", "-1", "--format=%an <%ae>, %cn", "ho-prod"))
        .as("the job commits as the agent's Git identity")
        .isEqualTo(JenkinsAgent.GIT_NAME + " <" + JenkinsAgent.GIT_EMAIL + ">, " + JenkinsAgent.GIT_NAME);

    Build rc = jenkins.build("ho-prod", "promote-rc", "");
    assertThat(rc.succeeded()).as(rc.log()).isTrue();
    assertThat(rc.stages()).containsExactly("Status", "Promote to a release candidate");
    assertThat(git.run(origin, "show", "ho-prod:releases/0.1.0-rc1.txt")).isEqualTo("1-users");
    assertThat(workspace.resolve("target/hop/status.json")).content().contains("\"databaseVersion\":\"not running");
    assertThat(EndToEndIT.postgresUnder(workspace)).as("status and promote rc start no server").isEmpty();

    Build release = jenkins.build("ho-prod", "promote-prod", "");
    assertThat(release.succeeded()).as(release.log()).isTrue();
    assertThat(release.stages()).containsExactly("Status", "Promote to production");
    assertThat(git.run(origin, "tag", "-l", "v*")).isEqualTo("v0.1.0\nv0.1.0-rc1");

    Build deploy = jenkins.build("ho-prod", "deploy", "");
    assertThat(deploy.succeeded()).as(deploy.log()).isTrue();
    assertThat(deploy.stages()).containsExactly("Status", "Deploy");
    assertThat(deploy.outputOf("hop:update")).contains("[INFO] Upgrade path: 0.0.0 -> 0.1.0");
    assertThat(workspace.resolve("target/hop/upgrade-plan.sql")).content().contains("CREATE TABLE public.users");
    assertThat(deploy.steps()).anyMatch(s -> s.step().startsWith("input "));
    assertThat(EndToEndIT.postgresUnder(workspace)).as("status, update and upgrade with hop.url start no server")
        .isEmpty();
    Properties login = properties("user", "deployer", "password", DEPLOYER_PASSWORD);
    try (Connection c = DriverManager.getConnection(productionUrl, login); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('public.users') IS NOT NULL")) {
      assertThat(rs.next() && rs.getBoolean(1)).as("production upgraded to 0.1.0").isTrue();
    }

    assertThat(root.resolve("jenkins/home/.gitconfig")).doesNotExist();
    for (Build build : List.of(patch, add, rc, release, deploy)) {
      assertThat(build.steps()).allSatisfy(step -> assertThat(step.output())
          .as("a password, in the output of %s", step.step()).doesNotContain(password)
          .doesNotContain(DEPLOYER_PASSWORD));
    }
    assertThat(git.run(workspace, "status", "--porcelain")).isEmpty();
    assertThat(git.run(workspace, "rev-parse", "HEAD")).isEqualTo(git.run(origin, "rev-parse", "ho-prod"));
    System.out.printf("JenkinsfileIT: 5 builds, from a new project to production, took %d s%n",
        (System.nanoTime() - start) / 1_000_000_000L);
  }

  private static void succeeds(MavenRun.Result result) {
    assertThat(result.succeeded()).as(result.log()).isTrue();
  }

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }
}
