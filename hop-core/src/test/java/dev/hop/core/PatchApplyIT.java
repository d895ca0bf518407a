package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.DatabaseRefusedException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** patch-apply's refusals and failures: what it leaves, and what it says. */
class PatchApplyIT {
  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void aDatabaseHopDidNotCreateIsRefusedBeforeAnythingIsBuiltOnItsServer() throws Exception {
    String production = project.database("shop_prod");
    try (Connection c = TestPostgres.get().maintenance(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + production);
    }
    project.startPatch("1-users", Map.of("01_users.sql", "CREATE TABLE users (id int);\n"));
    List<String> before = project.databases();

    assertThatThrownBy(() -> project.call(production, hop -> hop.patchApply().call()))
        .isInstanceOf(DatabaseRefusedException.class).hasMessageContaining(production);

    assertThat(project.databases()).as("no template, no copy left on the server").isEqualTo(before);
  }

  @Test
  void aFailingJavaScriptIsToldWithWhatItsPatchLeftAndItsOutputShown() throws Exception {
    project.startPatch("1-users", Map.of("01_users.sql", "CREATE TABLE users (id int);\n",
        "02_fill.java", """
            class Fill {
              public static void main(String[] args) {
                System.out.println("filling users");
                System.exit(3);
              }
            }
            """));

    assertThatThrownBy(() -> project.call(hop -> hop.patchApply().call()))
        .isInstanceOfSatisfying(PatchScriptException.class,
            e -> assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.JAVA_FAILED))
        .hasMessageContaining("holds production 0.0.0 plus no patch; of 1-users, 01_users.sql was committed")
        .hasMessageContaining("and whatever Patches/1-users/02_fill.java committed before it failed stays")
        .hasMessageNotContaining("nothing of 1-users was kept");
    try (Connection c = TestPostgres.get().connect(project.development()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('public.users') IS NOT NULL")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("what the message says is there").isTrue();
    }
    assertThat(project.events).contains(HopEvent.lifecycle("02_fill.java: filling users"));
  }

  @Test
  void aScriptHopDoesNotRunIsRefusedBeforeAnyChange() throws Exception {
    project.startPatch("1-users", Map.of("01_users.sql", "CREATE TABLE users (id int);\n",
        "02_fill.py", "print('half_orm_dev style')\n", "README.md", "# users\n", "data.csv", "1\n"));
    List<String> before = project.databases();

    assertThatThrownBy(() -> project.call(hop -> hop.patchApply().call()))
        .isInstanceOfSatisfying(PatchScriptException.class,
            e -> assertThat(e.reason()).isEqualTo(PatchScriptException.Reason.NOT_RUNNABLE))
        .hasMessageStartingWith("Patches/1-users/02_fill.py is a Python script, which hop does not run: hop runs a"
            + " patch's *.sql files (through JDBC) and *.java single-file programs");
    assertThat(project.databases()).isEqualTo(before);
  }
}
