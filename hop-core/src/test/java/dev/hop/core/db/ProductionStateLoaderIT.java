package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.Version;
import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creates a production database from a snapshot (upgrade's {@code create}), and leaves none behind when that fails. */
class ProductionStateLoaderIT {

  private static final Version V1 = new Version(1, 0, 0);

  private TestDatabase name;
  private DatabaseTarget target;
  private DatabaseServer server;

  @BeforeEach
  void freeName() {
    name = TestPostgres.get().createDatabase("loader");
    name.close();
    target = Targets.of(name);
    server = new DatabaseServer(target, CommandHints.NEUTRAL);
  }

  @AfterEach
  void drop() {
    name.close();
  }

  @Test
  void createsTheDatabaseAtTheSnapshot() throws Exception {
    new ProductionStateLoader(server, "mvn hop:upgrade -Dcreate=true")
        .create(target, V1, bytes("CREATE TABLE public.item (id integer PRIMARY KEY);\n"), bytes(""));

    assertThat(server.exists(target.database())).isTrue();
    try (Connection c = target.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM public.item")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void aSnapshotThatFailsToLoadLeavesNoDatabaseSoTheSameCommandCanRunAgain() throws Exception {
    ProductionStateLoader loader = new ProductionStateLoader(server, "mvn hop:upgrade -Dcreate=true");

    assertThatThrownBy(() -> loader.create(target, V1,
        bytes("CREATE TABLE public.item (id integer PRIMARY KEY);\nSELECT 1 / 0;\n"), bytes("")))
        .isInstanceOf(PatchScriptException.class)
        .hasMessageContaining("model/schema.sql:2");

    assertThat(server.exists(target.database())).as("the database this call created is gone").isFalse();
    loader.create(target, V1, bytes("CREATE TABLE public.item (id integer PRIMARY KEY);\n"), bytes(""));
    assertThat(server.exists(target.database())).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
