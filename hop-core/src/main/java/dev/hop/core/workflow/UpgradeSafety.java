package dev.hop.core.workflow;

import dev.hop.core.db.Backup;
import dev.hop.core.db.CatalogDigest;
import dev.hop.core.db.PgTools;
import dev.hop.core.db.ServerVersion;
import dev.hop.core.errors.HopException;
import java.sql.Connection;

/**
 * What undoing an upgrade needs, found once and before anything changes: pg_dump and pg_restore that can handle the
 * server, and the digest of the catalog that the check after a failure compares with.
 */
public final class UpgradeSafety {
  private final Project project;
  private Backup backup;
  private String catalogBefore;

  public UpgradeSafety(Project project) {
    this.project = project;
  }

  /** pg_dump and pg_restore for the server {@code c} is connected to, located on the first call. */
  public Backup backup(Connection c) throws HopException {
    if (backup == null) {
      ServerVersion version = ServerVersion.of(c);
      PgTools tools = PgTools.of(project.settings().pgBin());
      backup = new Backup(tools.locate("pg_dump", version.major(), version.text()),
          tools.locate("pg_restore", version.major(), version.text()), project.clock());
    }
    return backup;
  }

  /** The digest of the catalog of the database {@code c} is connected to, taken on the first call. */
  public String catalogBefore(Connection c) throws HopException {
    if (catalogBefore == null) {
      catalogBefore = CatalogDigest.of(c);
    }
    return catalogBefore;
  }
}
