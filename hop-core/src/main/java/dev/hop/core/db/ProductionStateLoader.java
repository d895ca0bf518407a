package dev.hop.core.db;

import dev.hop.core.DatabaseException;
import dev.hop.core.PatchScriptException;
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
   * Creates {@code target}'s database and loads the snapshot in one transaction; when loading fails the new,
   * still empty-or-partial database is left for the user to inspect (hop never drops it), and the error says so.
   */
  public void create(DatabaseTarget target, Version version, byte[] schema, byte[] metadataRows)
      throws DatabaseException, PatchScriptException {
    try (Connection maintenance = server.connect()) {
      server.create(maintenance, target.database(), Optional.empty());
    } catch (SQLException e) {
      throw DatabaseException.of("close the connection", target.database(), server.describe(), e);
    }
    try (Connection c = target.connect()) {
      load(c, version, schema, metadataRows);
    } catch (SQLException e) {
      throw DatabaseException.of("load the production state " + version, target.database(), server.describe(), e);
    }
  }

  /**
   * Loads the production state into the database of {@code c} in one transaction: the schema snapshot, hop's
   * metadata schema when the snapshot lacks it (the archetype's 0.0.0 one does), then the release rows.
   */
  void load(Connection c, Version version, byte[] schema, byte[] metadataRows)
      throws SQLException, DatabaseException, PatchScriptException {
    c.setAutoCommit(false);
    DumpLoader loader = new DumpLoader(next);
    loader.load(c, "model/schema.sql", ScriptText.decode("model/schema.sql", schema, next));
    try (Statement s = c.createStatement()) {
      s.execute("RESET search_path");
    }
    if (!metadata.isInstalled(c)) {
      metadata.install(c);
    }
    String metadataFile = "model/metadata-" + version + ".sql";
    loader.load(c, metadataFile, ScriptText.decode(metadataFile, metadataRows, next));
    c.commit();
  }
}
