package dev.hop.bench.history;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One SQL script of a generated patch: its file name in {@code Patches/<id>/} and its text.
 *
 * @param name e.g. {@code 01-table.sql}; scripts of a patch run in case-insensitive name order
 * @param sql the script, ending with a newline
 */
public record SqlFile(String name, String sql) {

  public SqlFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }

  public byte[] bytes() {
    return sql.getBytes(StandardCharsets.UTF_8);
  }
}
