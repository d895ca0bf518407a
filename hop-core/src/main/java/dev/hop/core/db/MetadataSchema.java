package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import dev.hop.core.release.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PGInterval;

/**
 * Installs and reads hop's metadata ({@code half_orm_meta}): the database version, the releases recorded,
 * and the script files applied; every method works inside the caller's transaction.
 */
public final class MetadataSchema {

  private static final String DDL = Resources.sql("metadata.sql");

  /** Creates what is missing of the metadata schema; running it twice is the same as once. */
  public void install(Connection c) throws DatabaseException {
    try (Statement s = c.createStatement()) {
      s.execute(DDL);
    } catch (SQLException e) {
      throw Jdbc.failure("install the half_orm_meta schema", c, e);
    }
  }

  /**
   * Installs the metadata schema where it is missing or incomplete: a database of half_orm_dev has
   * {@code hop_release} but not hop's {@code hop_applied_patch} (nor hop's order of pre-releases in
   * {@code hop_last_release}); one query when nothing is missing.
   */
  public void complete(Connection c) throws DatabaseException {
    if (!isComplete(c)) {
      install(c);
    }
  }

  /** Whether hop's own {@code half_orm_meta.hop_applied_patch} exists (half_orm_dev's metadata lacks it). */
  public boolean isComplete(Connection c) throws DatabaseException {
    return exists(c, "half_orm_meta.hop_applied_patch");
  }


  /** The statements of {@link #install}, for a plan file that psql runs. */
  public static String installSql() {
    return DDL;
  }

  /** Whether {@code half_orm_meta.hop_release} exists. */
  public boolean isInstalled(Connection c) throws DatabaseException {
    return exists(c, "half_orm_meta.hop_release");
  }

  private static boolean exists(Connection c, String relation) throws DatabaseException {
    try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      p.setString(1, relation);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw Jdbc.failure("look for " + relation, c, e);
    }
  }


  /** The database version ({@code hop_last_release}), empty when no release is recorded. */
  public Optional<DatabaseRelease> currentRelease(Connection c) throws DatabaseException {
    String sql = "SELECT major, minor, patch, pre_release, pre_release_num"
        + " FROM \"half_orm_meta.view\".hop_last_release";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new DatabaseRelease(new Version(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
          rs.getString(4), rs.getString(5)));
    } catch (SQLException e) {
      throw Jdbc.failure("read the database version (half_orm_meta.view.hop_last_release)", c, e);
    }
  }

  /** Every release recorded in {@code hop_release}, oldest first (in the order of {@code hop_last_release}). */
  public List<RecordedRelease> releases(Connection c) throws DatabaseException {
    String sql = "SELECT major, minor, patch, pre_release, pre_release_num, \"date\", \"time\", changelog, commit"
        + " FROM half_orm_meta.hop_release ORDER BY major, minor, patch, (pre_release = ''), pre_release,"
        + " NULLIF(pre_release_num, '')::integer NULLS FIRST";
    List<RecordedRelease> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        DatabaseRelease release = new DatabaseRelease(new Version(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
            rs.getString(4), rs.getString(5));
        rows.add(new RecordedRelease(release, Optional.ofNullable(rs.getObject(6, LocalDate.class)),
            Optional.ofNullable(rs.getObject(7, OffsetTime.class)), rs.getString(8), rs.getString(9)));
      }
      return rows;
    } catch (SQLException e) {
      throw Jdbc.failure("read half_orm_meta.hop_release", c, e);
    }
  }

  /** The database version when hop's metadata is installed and records a release; empty otherwise. */
  public Optional<DatabaseRelease> recordedRelease(Connection c) throws DatabaseException {
    return isInstalled(c) ? currentRelease(c) : Optional.empty();
  }

  /** Records {@code release} in {@code hop_release}; date and time are the server's. */
  public void recordRelease(Connection c, DatabaseRelease release, String changelog, String commit)
      throws DatabaseException {
    String sql = "INSERT INTO half_orm_meta.hop_release"
        + " (major, minor, patch, pre_release, pre_release_num, changelog, commit) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setInt(1, release.version().major());
      p.setInt(2, release.version().minor());
      p.setInt(3, release.version().patch());
      p.setString(4, release.preRelease());
      p.setString(5, release.preReleaseNum());
      p.setString(6, changelog);
      p.setString(7, commit);
      p.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.failure("record release " + release + " in half_orm_meta.hop_release", c, e);
    }
  }

  /** Records one applied script file; {@code appliedAt} is ignored (the server's {@code now()}). */
  public void recordApplied(Connection c, AppliedScript script) throws DatabaseException {
    recordApplied(c, List.of(script));
  }

  /**
   * Records applied script files in order, in one round trip to the server; {@code appliedAt} is ignored (the
   * server's {@code now()}).
   */
  public void recordApplied(Connection c, List<AppliedScript> scripts) throws DatabaseException {
    if (scripts.isEmpty()) {
      return;
    }
    String sql = "INSERT INTO half_orm_meta.hop_applied_patch (release, patch_id, file, sha256, duration)"
        + " VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (AppliedScript script : scripts) {
        p.setString(1, script.release());
        p.setString(2, script.patchId());
        p.setString(3, script.file());
        p.setString(4, script.sha256());
        p.setObject(5, interval(script.duration()));
        p.addBatch();
      }
      p.executeBatch();
    } catch (SQLException e) {
      AppliedScript first = scripts.get(0);
      throw Jdbc.failure("record " + first.patchId() + "/" + (scripts.size() == 1 ? first.file()
          : scripts.size() + " files") + " in half_orm_meta.hop_applied_patch", c, e);
    }
  }

  /** Every applied script, oldest first. */
  public List<AppliedScript> applied(Connection c) throws DatabaseException {
    String sql = "SELECT release, patch_id, file, sha256, applied_at,"
        + " (extract(epoch FROM duration) * 1000000)::bigint FROM half_orm_meta.hop_applied_patch ORDER BY id";
    List<AppliedScript> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(new AppliedScript(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), Duration.ofNanos(rs.getLong(6) * 1000)));
      }
      return rows;
    } catch (SQLException e) {
      throw Jdbc.failure("read half_orm_meta.hop_applied_patch", c, e);
    }
  }

  private static PGInterval interval(Duration d) {
    return new PGInterval(0, 0, 0, 0, 0, d.toNanos() / 1e9);
  }
}
