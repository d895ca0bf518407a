package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.errors.PatchScriptException;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Creates a production database at the production state of {@code model/} (schema snapshot, then hop's metadata
 * and the release rows), without hop's development mark, so that no hop goal will ever drop it.
 */
public final class ProductionStateLoader {
  private final DatabaseServer server;
  private final String next;
  private final MetadataSchema metadata = new MetadataSchema();

  /**
   * @param next the command the user runs after fixing a snapshot file
   */
  public ProductionStateLoader(DatabaseServer server, String next) {
    this.server = server;
    this.next = next;
  }

  /**
   * Creates {@code target}'s database and loads the snapshot in one transaction. When loading fails, that transaction
   * is rolled back and the database, which this call created and which holds nothing, is dropped again, so that the
   * server is as it was and the same command can run once the cause is fixed; should the drop fail (another session
   * connected meanwhile), the database stays and the drop's failure is attached to the load's.
   */
  public void create(DatabaseTarget target, Version version, byte[] schema, byte[] metadataRows)
      throws DatabaseException, PatchScriptException {
    try (Connection maintenance = server.connect()) {
      server.create(maintenance, target.database(), Optional.empty());
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", target.database(), server.describe(), e);
    }
    try {
      try (Connection c = target.connect()) {
        load(c, version, schema, metadataRows);
      } catch (SQLException e) {
        throw DatabaseException.of("load the production state " + version, target.database(), server.describe(), e);
      }
    } catch (DatabaseException | PatchScriptException | RuntimeException failure) {
      dropCreated(target.database(), failure);
      throw failure;
    }
  }

  private void dropCreated(String database, Exception failure) {
    try (Connection maintenance = server.connect(); Statement s = maintenance.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + Sql.ident(database));
    } catch (SQLException | DatabaseException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Loads the production state into the database of {@code c} in one transaction: the schema snapshot, hop's
   * metadata schema where the snapshot lacks it (the archetype's 0.0.0 one has none, half_orm_dev's lack
   * hop_applied_patch), then the release rows.
   */
  public void load(Connection c, Version version, byte[] schema, byte[] metadataRows)
      throws SQLException, DatabaseException, PatchScriptException {
    c.setAutoCommit(false);
    DumpLoader loader = new DumpLoader(next);
    loader.load(c, "model/schema.sql", ScriptText.decode("model/schema.sql", schema, next));
    try (Statement s = c.createStatement()) {
      s.execute("RESET search_path");
    }
    metadata.complete(c);
    String metadataFile = "model/metadata-" + version + ".sql";
    loader.load(c, metadataFile, ScriptText.decode(metadataFile, metadataRows, next));
    c.commit();
  }
}
