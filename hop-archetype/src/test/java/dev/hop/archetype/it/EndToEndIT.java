package dev.hop.archetype.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.testing.GitCli;
import dev.hop.core.testing.MavenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README's quickstart as a new user meets it (issue 8): the freshly built archetype and plugin, real Maven,
 * real Git and real PostgreSQL, from an empty folder and a bare origin to two production upgrades.
 */
class EndToEndIT {
  private static final String USERS_TEST = """
      package com.example;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import com.example.db.public_.Users;
      import java.sql.Connection;
      import org.junit.jupiter.api.Test;

      class UsersTest {
        @Test
        void aUserComesBack() throws Exception {
          try (Connection c = HopDatabase.connect()) {
            c.setAutoCommit(false);
            Users.Row ada = Users.insert(c, new Users.Row(null, "ada"));
            assertEquals("ada", Users.find(c, ada.id()).orElseThrow().name());
            c.rollback();
          }
        }
      }
      """;
  private static final String ORDERS_TEST = """
      package com.example;

      import static org.junit.jupiter.api.Assertions.fail;

      import org.junit.jupiter.api.Test;

      class OrdersTest {
        @Test
        void ordersHaveATotal() {
          fail("orders has no total column");
        }
      }
      """;
  private static final String EMAILS_TEST = """
      package com.example;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import com.example.db.public_.Emails;
      import com.example.db.public_.Users;
      import java.sql.Connection;
      import org.junit.jupiter.api.Test;

      class EmailsTest {
        @Test
        void aUserHasAnEmail() throws Exception {
          try (Connection c = HopDatabase.connect()) {
            c.setAutoCommit(false);
            Users.Row ada = Users.insert(c, new Users.Row(null, "ada"));
            Emails.Row mail = Emails.insert(c, new Emails.Row(null, ada.id(), "ada@example.org"));
            assertEquals(ada.id(), Emails.find(c, mail.id()).orElseThrow().userId());
            c.rollback();
          }
        }
      }
      """;

  @TempDir
  Path root;

  private final ScenarioDatabases databases = new ScenarioDatabases("e2e");
  private GitCli git;
  private MavenRun maven;
  private Path origin;

  @AfterEach
  void dropDatabases() throws Exception {
    databases.dropAll();
  }

  @Test
  void quickstartFromArchetypeToTwoProductionUpgrades() throws Exception {
    long start = System.nanoTime();
    git = new GitCli(root.resolve("home"));
    git.run(root, "config", "--global", "user.name", "Ada Lovelace");
    git.run(root, "config", "--global", "user.email", "ada@example.org");
    maven = MavenRun.forThisBuild(root, git.environment());
    Path work = Files.createDirectories(root.resolve("work"));
    origin = root.resolve("demo-origin.git");
    git.run(root, "init", "-q", "--bare", origin.toString());
    catalogTheArchetypeAsInstallDoes();

    // generate: the project on ho-prod, first commit, pushed to origin
    MavenRun.Result generated = mvnWithoutProject(work, props("archetypeCatalog", "local",
        "archetypeGroupId", "dev.hop", "archetypeArtifactId", "hop-archetype", "archetypeVersion", MavenRun.pluginVersion(),
        "groupId", "com.example", "artifactId", "demo", "package", "com.example", "origin", origin.toString()),
        "org.apache.maven.plugins:maven-archetype-plugin:" + MavenRun.required("hop.it.archetypePluginVersion")
            + ":generate");
    ok(generated);
    assertThat(generated.lines()).noneMatch(l -> l.startsWith("[WARNING]"));
    assertThat(generated.info()).contains("Git repository created on branch ho-prod: [ho] Initial commit"
        + " (release: 0.0.0)", "Pushed ho-prod to " + origin);
    Path demo = work.resolve("demo");
    assertThat(git(demo, "branch", "--show-current")).isEqualTo("ho-prod");
    assertThat(git(demo, "log", "--format=%s")).isEqualTo("[ho] Initial commit (release: 0.0.0)");
    assertThat(git(demo, "status", "--porcelain")).isEmpty();
    assertThat(origin("rev-parse", "ho-prod")).isEqualTo(git(demo, "rev-parse", "HEAD"));
    assertThat(git(demo, "rev-parse", "--abbrev-ref", "ho-prod@{upstream}")).isEqualTo("origin/ho-prod");
    Properties db = databases.target("demo");

    // a patch: reserve, write its SQL and a test using the generated class, apply, test, push
    ok(mvn(demo, props("id", "1-users", "description", "The users"), "hop:patch-new"));
    assertThat(git(demo, "branch", "--show-current")).isEqualTo("ho-patch/1-users");
    assertThat(origin("tag", "-l", "ho-patch/*")).isEqualTo("ho-patch/1");
    assertThat(origin("show", "ho-prod:Patches/1-users/README.md")).contains("The users");
    write(demo, "Patches/1-users/01_users.sql",
        "CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL);\n");
    write(demo, "src/test/java/com/example/UsersTest.java", USERS_TEST);
    ok(mvn(demo, db, "hop:patch-apply"));
    assertThat(demo.resolve("src/main/java/com/example/db/public_/Users.java")).isRegularFile();
    assertThat(databases.tables("demo")).isEqualTo("users");
    MavenRun.Result tested = mvn(demo, db, "test");
    ok(tested);
    assertThat(tested.log()).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    commitAndPush(demo, "Users", "ho-patch/1-users");

    // a release, and the patch joins it once validated
    git(demo, "switch", "-q", "ho-prod");
    ok(mvn(demo, props("level", "minor"), "hop:release-new"));
    assertThat(origin("show", "ho-prod:releases/0.1.0-stage.txt")).isEmpty();
    ok(mvn(demo, databases.target("demo", "id", "1-users"), "hop:patch-add"));
    assertThat(origin("show", "ho-prod:releases/0.1.0-stage.txt")).isEqualTo("1-users");
    assertThat(origin("branch", "--list", "ho-release/0.1.0/1-users")).isNotBlank();
    assertThat(origin("branch", "--list", "ho-patch/1-users")).isBlank();

    // a second patch whose test fails is refused by patch-add, and origin does not move
    ok(mvn(demo, props("id", "2-orders", "description", "The orders"), "hop:patch-new"));
    write(demo, "Patches/2-orders/01_orders.sql",
        "CREATE TABLE public.orders (id serial PRIMARY KEY, user_id int REFERENCES public.users);\n");
    write(demo, "src/test/java/com/example/OrdersTest.java", ORDERS_TEST);
    commitAndPush(demo, "Orders", "ho-patch/2-orders");
    git(demo, "switch", "-q", "ho-prod");
    String refs = git(demo, "ls-remote", "origin");
    MavenRun.Result refused = mvn(demo, databases.target("demo", "id", "2-orders"), "hop:patch-add");
    assertThat(refused.succeeded()).as(refused.log()).isFalse();
    assertThat(refused.log()).contains("Tests failed for patch integration: 2-orders into 0.1.0-stage")
        .contains("OrdersTest.ordersHaveATotal: orders has no total column");
    assertThat(git(demo, "ls-remote", "origin")).isEqualTo(refs);
    assertThat(git(demo, "status", "--porcelain")).isEmpty();

    // stage → release candidate → production
    ok(mvn(demo, databases.target("demo", "to", "rc"), "hop:promote"));
    assertThat(origin("show", "ho-prod:releases/0.1.0-rc1.txt")).isEqualTo("1-users");
    assertThat(origin("tag", "-l", "v0.1.0-rc1")).isEqualTo("v0.1.0-rc1");
    ok(mvn(demo, databases.target("demo", "to", "prod"), "hop:promote"));
    assertThat(origin("show", "ho-prod:releases/0.1.0.txt")).isEqualTo("1-users");
    assertThat(origin("show", "ho-prod:model/schema-0.1.0.sql")).contains("CREATE TABLE public.users");
    assertThat(origin("tag", "-l", "v0.1.0")).isEqualTo("v0.1.0");
    assertThat(Files.readSymbolicLink(demo.resolve("model/schema.sql"))).hasToString("schema-0.1.0.sql");
    MavenRun.Result status = mvn(demo, db, "hop:status");
    ok(status);
    assertThat(status.info()).contains("Production version: 0.1.0");

    // the production server: clone (with its own development database), then create production at 0.1.0
    Properties cloneProps = databases.target("demo_clone", "url", origin.toString(), "dir", "demo-prod");
    ok(mvnWithoutProject(work, cloneProps, MavenRun.plugin() + "clone"));
    Path prod = work.resolve("demo-prod");
    assertThat(git(prod, "branch", "--show-current")).isEqualTo("ho-prod");
    Properties production = databases.target("demo_prod");
    ok(mvn(prod, databases.target("demo_prod", "create", "true"), "hop:upgrade"));
    assertThat(databases.tables("demo_prod")).isEqualTo("users");
    assertThat(databases.releases("demo_prod")).isEqualTo("0.0.0,0.1.0");
    databases.execute("demo_prod", "INSERT INTO public.users (name) VALUES ('first customer')");

    // a further release in the team's clone: 3-emails through patch-new, patch-apply, patch-add, rc, prod
    ok(mvn(demo, props("level", "minor"), "hop:release-new"));
    ok(mvn(demo, props("id", "3-emails", "description", "The emails"), "hop:patch-new"));
    write(demo, "Patches/3-emails/01_emails.sql", "CREATE TABLE public.emails (id serial PRIMARY KEY,"
        + " user_id int NOT NULL REFERENCES public.users, address text NOT NULL);\n");
    write(demo, "src/test/java/com/example/EmailsTest.java", EMAILS_TEST);
    ok(mvn(demo, db, "hop:patch-apply"));
    assertThat(databases.tables("demo")).isEqualTo("emails,users");
    ok(mvn(demo, db, "test"));
    commitAndPush(demo, "Emails", "ho-patch/3-emails");
    git(demo, "switch", "-q", "ho-prod");
    ok(mvn(demo, databases.target("demo", "id", "3-emails"), "hop:patch-add"));
    ok(mvn(demo, databases.target("demo", "to", "rc"), "hop:promote"));
    ok(mvn(demo, databases.target("demo", "to", "prod"), "hop:promote"));
    assertThat(origin("show", "ho-prod:releases/0.2.0.txt")).isEqualTo("3-emails");
    assertThat(origin("tag", "-l", "v*")).isEqualTo("v0.1.0\nv0.1.0-rc1\nv0.2.0\nv0.2.0-rc1");

    // production: see what is new, dry run, upgrade
    MavenRun.Result update = mvn(prod, production, "hop:update");
    ok(update);
    assertThat(update.info()).containsSubsequence("Database " + databases.name("demo_prod") + " version: 0.1.0",
        "Release 0.2.0: 3-emails", "Upgrade path: 0.1.0 -> 0.2.0");
    assertThat(git(prod, "rev-parse", "HEAD")).isEqualTo(origin("rev-parse", "ho-prod"));
    ok(mvn(prod, databases.target("demo_prod", "dryRun", "true"), "hop:upgrade"));
    assertThat(prod.resolve("target/hop/upgrade-plan.sql")).content().contains("CREATE TABLE public.emails");
    assertThat(databases.tables("demo_prod")).isEqualTo("users");
    ok(mvn(prod, production, "hop:upgrade"));
    assertThat(databases.tables("demo_prod")).isEqualTo("emails,users");
    assertThat(databases.releases("demo_prod")).isEqualTo("0.0.0,0.1.0,0.2.0");
    assertThat(databases.query("demo_prod", "SELECT string_agg(name, ',') FROM public.users"))
        .isEqualTo("first customer");
    List<Path> backups;
    try (Stream<Path> files = Files.list(prod.resolve("backups"))) {
      backups = files.toList();
    }
    assertThat(backups).singleElement().satisfies(b -> assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(b))).isEqualTo("rw-------"));
    assertThat(git(prod, "status", "--porcelain")).isEmpty();
    System.out.printf("EndToEndIT: the quickstart round took %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * Lists hop-archetype in the IT repository's {@code archetype-catalog.xml}, as README's set-up ({@code mvn install},
   * whose archetype:update-local-catalog writes it) leaves ~/.m2; invoker:install copies only the artifacts, and
   * without the entry {@code -DarchetypeCatalog=local} warns "Archetype not found in any catalog".
   */
  private static void catalogTheArchetypeAsInstallDoes() throws Exception {
    Path catalog = Path.of(MavenRun.required("hop.it.localRepository"), "archetype-catalog.xml");
    Files.writeString(catalog, """
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

  /** Runs {@code goal} in {@code dir} and prints how long it took. */
  private MavenRun.Result mvn(Path dir, Properties properties, String goal) throws Exception {
    long t0 = System.nanoTime();
    MavenRun.Result result = maven.run(dir, properties, goal);
    timed(dir, goal, result, t0);
    return result;
  }

  private MavenRun.Result mvnWithoutProject(Path dir, Properties properties, String goal) throws Exception {
    long t0 = System.nanoTime();
    MavenRun.Result result = maven.runWithoutProject(dir, properties, goal);
    timed(dir, goal, result, t0);
    return result;
  }

  private static void timed(Path dir, String goal, MavenRun.Result result, long t0) {
    System.out.printf("EndToEndIT: %s in %s: exit %d, %.1f s%n", goal.substring(goal.lastIndexOf(':') + 1),
        dir.getFileName(), result.exitCode(), (System.nanoTime() - t0) / 1e9);
    result.lines().stream().filter(l -> l.startsWith("[WARNING]")).forEach(l -> System.out.println("   " + l));
  }

  private String git(Path dir, String... args) {
    return git.run(dir, args);
  }

  private String origin(String... args) {
    return git.run(origin, args);
  }

  private void commitAndPush(Path dir, String message, String branch) {
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", message);
    git(dir, "push", "-q", "-u", "origin", branch);
  }

  private static void write(Path dir, String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void ok(MavenRun.Result result) {
    assertThat(result.succeeded()).as(result.log()).isTrue();
  }

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }
}
