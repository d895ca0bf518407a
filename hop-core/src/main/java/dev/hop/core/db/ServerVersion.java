package dev.hop.core.db;

import dev.hop.core.errors.DatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The version of the server a connection talks to.
 *
 * @param number {@code server_version_num}, e.g. 150019
 * @param text {@code server_version}, e.g. {@code 15.19}
 */
public record ServerVersion(int number, String text) {

  public static ServerVersion of(Connection c) throws DatabaseException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int,"
            + " current_setting('server_version')")) {
      rs.next();
      return new ServerVersion(rs.getInt(1), rs.getString(2));
    } catch (SQLException e) {
      throw Jdbc.failure("read the server version", c, e);
    }
  }

  public int major() {
    return number / 10000;
  }
}
