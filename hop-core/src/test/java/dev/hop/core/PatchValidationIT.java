package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.testing.TestPostgres;
import dev.hop.core.validate.TestDatabaseTarget;
import dev.hop.core.validate.TestReport;
import dev.hop.core.validate.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * patch-add checks Git and its databases at once, and its validation builds the database while it merges the stage:
 * the refusals come in the order they did one after the other, what the tests see is still the merged tree's
 * production state with the merged patches, and a merge that fails leaves no database behind.
 */
class PatchValidationIT {
  @RegisterExtension
  final CoreProject project = new CoreProject();
  private final TablesRunner tests = new TablesRunner();

  @BeforeEach
  void open() throws Exception {
    project.tests(tests);
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
  }

  @Test
  void aBranchThatChangedModelIsValidatedOnTheMergedProductionState() throws Exception {
    String schema = Files.readString(project.dir().resolve("model/schema-0.0.0.sql"));
    startPatchAlsoWriting("1-users", "CREATE TABLE public.users (id int);\n", "model/schema-0.0.0.sql",
        schema + "\nCREATE TABLE public.legacy (id int);\n");

    project.call(hop -> hop.patchAdd().setId("1-users").call());

    assertThat(tests.seen).as("users from the patch, legacy from the merged model/").containsExactly(
        "users legacy");
    assertThat(project.databases()).doesNotContain(project.development() + "_validation");
  }

  @Test
  void aPatchThatALaterBranchChangedIsAppliedAsTheMergeHasIt() throws Exception {
    project.startPatch("1-users", Map.of("01.sql", "CREATE TABLE public.users (id int);\n"));
    project.git("switch", "-q", "ho-prod");
    project.call(hop -> hop.patchAdd().setId("1-users").call());
    project.startPatch("2-legacy", Map.of("01.sql", "CREATE TABLE public.legacy (id int);\n"));
    project.git("merge", "-q", "--no-edit", "origin/ho-release/0.1.0/1-users");
    Files.writeString(project.dir().resolve("Patches/1-users/01.sql"), "CREATE TABLE public.users (id int, name"
        + " text);\n");
    project.git("commit", "-q", "-am", "2-legacy fixes 1-users");
    project.git("push", "-q", "origin", "ho-patch/2-legacy");
    project.git("switch", "-q", "ho-prod");
    tests.query = "SELECT string_agg(attname, ' ' ORDER BY attnum) FROM pg_attribute"
        + " WHERE attrelid = 'public.users'::regclass AND attnum > 0";

    project.call(hop -> hop.patchAdd().setId("2-legacy").call());

    assertThat(tests.seen).as("1-users as 2-legacy's merge left it").containsExactly("users", "id name");
  }

  @Test
  void aConflictLeavesNeitherTheValidationDatabaseNorItsWorkTree() throws Exception {
    startPatchAlsoWriting("1-notes", "SELECT 1;\n", "notes.txt", "from 1-notes\n");
    project.call(hop -> hop.patchAdd().setId("1-notes").call());
    startPatchAlsoWriting("2-notes", "SELECT 2;\n", "notes.txt", "from 2-notes\n");
    List<String> databasesBefore = project.databases();
    String originBefore = project.originGit("for-each-ref");

    assertThatThrownBy(() -> project.call(hop -> hop.patchAdd().setId("2-notes").call()))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MERGE_CONFLICT))
        .hasMessageContaining("conflicts on notes.txt");

    assertThat(project.databases()).as("the database restored beside the merge is dropped")
        .isEqualTo(databasesBefore).doesNotContain(project.development() + "_validation");
    assertThat(project.dir().resolve("target/hop/validation-2-notes")).doesNotExist();
    assertThat(project.originGit("for-each-ref")).isEqualTo(originBefore);
    assertThat(tests.seen).as("only 1-notes was validated").hasSize(1);
  }

  @Test
  void offHoProdThatRefusalComesBeforeTheDatabases() throws Exception {
    project.startPatch("1-users", Map.of("01.sql", "CREATE TABLE public.users (id int);\n"));
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + project.development() + "_validation");
    }
    String originBefore = project.originGit("for-each-ref");

    assertThatThrownBy(() -> project.call(hop -> hop.patchAdd().setId("1-users").call()))
        .isInstanceOf(RepositoryStateException.class)
        .hasMessageStartingWith("Must be on ho-prod branch to add patch 1-users (the current branch is"
            + " ho-patch/1-users)");
    assertThat(project.originGit("for-each-ref")).isEqualTo(originBefore);
  }

  /** patch-new {@code id} with its script, and on its branch {@code path} written too; pushed, back on ho-prod. */
  private void startPatchAlsoWriting(String id, String sql, String path, String text) throws Exception {
    project.startPatch(id, Map.of("01.sql", sql));
    Files.writeString(project.dir().resolve(path), text);
    project.git("add", path);
    project.git("commit", "-q", "-m", "Patch " + id + " also writes " + path);
    project.git("push", "-q", "origin", "ho-patch/" + id);
    project.git("switch", "-q", "ho-prod");
  }

  /** Passes, after noting the answer of the validation database to {@link #query}: by default, its tables. */
  private static final class TablesRunner implements TestRunner {
    private final List<String> seen = new ArrayList<>();
    private String query = "SELECT concat_ws(' ', to_regclass('public.users'), to_regclass('public.legacy'))";

    @Override
    public TestReport run(Path project, TestDatabaseTarget database) {
      Properties login = new Properties();
      database.user().ifPresent(user -> login.setProperty("user", user));
      if (database.password().isPresent()) {
        login.setProperty("password", database.password().reveal());
      }
      try (Connection c = DriverManager.getConnection(database.jdbcUrl(), login); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(query)) {
        rs.next();
        seen.add(rs.getString(1));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return new TestReport(1, 0, 0, 0, List.of(), 0, Duration.ofMillis(1));
    }
  }
}
