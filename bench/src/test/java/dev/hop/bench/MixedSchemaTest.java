package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.testing.TestDatabase;
import dev.hop.core.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@WithPostgres
class MixedSchemaTest {

  private static final long SEED = 20261125L;

  @Test
  void theSameSeedGivesTheSameSqlAndAnotherSeedOtherSql() {
    MixedSchema one = MixedSchema.generate("shop", 300, 5, SEED);

    assertThat(MixedSchema.generate("shop", 300, 5, SEED).statements()).isEqualTo(one.statements());
    assertThat(MixedSchema.generate("shop", 300, 5, SEED + 1).script()).isNotEqualTo(one.script());
  }

  @Test
  void makesTheAskedTablesViewsAndEnumsAndForeignKeysOnlyToEarlierTables() {
    MixedSchema schema = MixedSchema.generate("shop", 300, 5, SEED);

    List<String> created = new ArrayList<>();
    Pattern reference = Pattern.compile("REFERENCES shop\\.(\\w+)");
    int foreignKeys = 0;
    for (String sql : schema.statements()) {
      if (sql.startsWith("CREATE TABLE shop.")) {
        String name = sql.substring("CREATE TABLE shop.".length(), sql.indexOf(' ', "CREATE TABLE shop.".length()));
        Matcher m = reference.matcher(sql);
        if (m.find()) {
          assertThat(created).as("table %s references an earlier one", name).contains(m.group(1));
          foreignKeys++;
        }
        created.add(name);
      }
    }
    assertThat(created).hasSize(300).doesNotHaveDuplicates();
    assertThat(foreignKeys).isBetween(60, 140);
    assertThat(schema.statements()).filteredOn(s -> s.startsWith("CREATE VIEW")).hasSize(5);
    assertThat(schema.statements()).filteredOn(s -> s.startsWith("CREATE TYPE")).hasSize(schema.enums());
  }

  @Test
  void refusesMoreViewsThanTables() {
    assertThatThrownBy(() -> MixedSchema.generate("shop", 2, 3, SEED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 tables and 3 views");
  }

  @Test
  void itsSqlRunsAndTheCatalogHoldsEveryTypeOfTheMap(TestDatabase database) throws Exception {
    MixedSchema schema = MixedSchema.generate("shop", 60, 4, SEED);

    Set<String> types = new HashSet<>();
    try (Connection c = database.connect()) {
      schema.create(c);
      try (Statement s = c.createStatement()) {
        assertThat(count(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'shop' AND c.relkind = 'r'")).isEqualTo(60);
        assertThat(count(s, "SELECT count(*) FROM pg_views WHERE schemaname = 'shop'")).isEqualTo(4);
        assertThat(count(s, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = 'shop' AND t.typtype = 'e'")).isEqualTo(3);
        try (ResultSet rs = s.executeQuery("SELECT DISTINCT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'shop' AND c.relkind = 'r' AND a.attnum > 0")) {
          while (rs.next()) {
            types.add(rs.getString(1));
          }
        }
      }
    }
    assertThat(types).contains("smallint", "integer", "bigint", "numeric(12,2)", "real", "double precision",
        "boolean", "text", "character varying(80)", "character(3)", "date", "timestamp without time zone",
        "timestamp with time zone", "time without time zone", "uuid", "bytea", "json", "jsonb", "text[]",
        "integer[]", "bigint[]", "uuid[]", "shop.state", "shop.priority", "shop.channel");
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
