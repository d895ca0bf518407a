package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hop.core.errors.HopException;
import dev.hop.core.release.ReleaseLevel;
import dev.hop.core.testing.CatalogFingerprint;
import dev.hop.core.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each patch starts in a clean session on every path that applies patches: a first patch that is a real pg_dump file
 * (Pagila's schema, which empties {@code search_path} for its session), then patches that use unqualified names, go
 * through patch-apply, patch-add's validation, promote rc and prod, an upgrade from 0.0.0 over both releases in one
 * transaction, and psql on the upgrade's plan file, with the same catalog at the end of each.
 */
class SessionStateIT {
  private static final String LOYALTY = "ALTER TABLE customer ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0;\n"
      + "CREATE INDEX customer_loyalty_idx ON customer (loyalty_points);\n";
  private static final String REWARDS = "CREATE TABLE rewards (customer_id integer NOT NULL REFERENCES customer,"
      + " points integer NOT NULL);\n";

  @RegisterExtension
  final CoreProject project = new CoreProject();

  @Test
  void aPgDumpPatchLeavesNoStateToThePatchesAfterIt() throws Exception {
    String production = project.database("prod");
    String viaPsql = project.database("psql");
    for (String database : List.of(production, viaPsql)) {
      project.call(database, hop -> hop.upgrade().setCreate(true).call());
    }
    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch("1-pagila", Map.of("01_pagila.sql", pagila()));
    applyAndCommit("1-pagila");
    project.call(hop -> hop.patchAdd().setId("1-pagila").call());
    project.startPatch("2-loyalty", Map.of("01_loyalty.sql", LOYALTY));
    // the code generated for 1-pagila is on its archived branch until the RC: take it first, as a developer would
    project.git("fetch", "-q", "origin");
    project.git("merge", "-q", "--no-edit", "origin/ho-release/0.1.0/1-pagila");
    applyAndCommit("2-loyalty");
    project.call(hop -> hop.patchAdd().setId("2-loyalty").call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());

    project.call(hop -> hop.releaseNew().setLevel(ReleaseLevel.MINOR).call());
    project.startPatch("3-rewards", Map.of("01_rewards.sql", REWARDS));
    applyAndCommit("3-rewards");
    String developed = fingerprint(project.development());
    project.call(hop -> hop.patchAdd().setId("3-rewards").call());
    project.call(hop -> hop.promote().setTo("rc").call());
    project.call(hop -> hop.promote().setTo("prod").call());

    UpgradeResult upgraded = project.call(production, hop -> hop.upgrade().call());
    UpgradeResult planned = project.call(viaPsql, hop -> hop.upgrade().setDryRun(true).call());
    psql(viaPsql, planned.planFile().orElseThrow());

    assertThat(upgraded.releases()).hasSize(2);
    assertThat(fingerprint(production)).as("upgrade from 0.0.0 over both releases").isEqualTo(developed);
    assertThat(fingerprint(viaPsql)).as("psql on the plan file").isEqualTo(developed);
    for (String database : List.of(production, viaPsql)) {
      CheckResult check = project.call(database, hop -> hop.check().call());
      assertThat(check.schema()).as("check on Pagila at 0.2.0 (" + database + ")").isEmpty();
      assertThat(check.files()).isEmpty();
      assertThat(check.releasesChecked()).hasSize(2);
    }
  }

  /** patch-apply on the patch's branch, its generated code committed and pushed as a developer does; ends on ho-prod. */
  private void applyAndCommit(String id) throws HopException {
    project.call(hop -> hop.patchApply().call());
    project.git("add", "-A");
    project.git("commit", "-q", "-m", "Code of " + id);
    project.git("push", "-q", "origin", "ho-patch/" + id);
    project.git("switch", "-q", "ho-prod");
  }

  private static String pagila() throws IOException {
    try (InputStream in = SessionStateIT.class.getResourceAsStream("/pagila/pagila-schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String fingerprint(String database) throws SQLException {
    try (Connection c = TestPostgres.get().connect(database)) {
      return CatalogFingerprint.of(c);
    }
  }

  private void psql(String database, Path plan) throws Exception {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
        plan.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(TestPostgres.get().libpqEnvironment(database));
    Process psql = builder.start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(psql.waitFor()).as("psql -f %s:%n%s", plan, output).isZero();
  }

}
