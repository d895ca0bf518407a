package dev.hop.core.codegen;

import dev.hop.core.errors.CodegenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the relations hop generates code for from {@code pg_catalog}, with one query per kind of fact (relations,
 * types, columns, keys, enum labels, comments) whatever the number of tables.
 */
public final class SchemaReader {

  /** User relations: not in a system schema nor in {@code half_orm_meta*}, and not a partition of another table. */
  static final String RELATION_FILTER = """
      c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT LIKE 'half\\_orm\\_meta%'""";

  private static final String RELATIONS = """
      SELECT c.oid, n.nspname, c.relname, c.relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE\s""" + RELATION_FILTER;

  private static final String TYPES = """
      SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('b', 'd', 'e')""";

  private static final String COLUMNS = """
      SELECT a.attrelid, a.attname, a.atttypid, format_type(a.atttypid, a.atttypmod),
        format_type(a.atttypid, NULL), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attnum,
        a.attndims, a.attgenerated <> '' OR a.attidentity = 'a'
      FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND\s""" + RELATION_FILTER + """

      ORDER BY a.attrelid, a.attnum""";

  private static final String KEYS = """
      SELECT con.conrelid, con.contype, con.conname, a.attname, tn.nspname, tc.relname, ta.attname
      FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey)) WITH ORDINALITY AS k(attnum, fattnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        LEFT JOIN pg_class tc ON tc.oid = con.confrelid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
        LEFT JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.fattnum
      WHERE con.contype IN ('p', 'f') AND\s""" + RELATION_FILTER + """

      ORDER BY con.conrelid, con.contype, con.conname, k.ord""";

  private static final String ENUM_LABELS = """
      SELECT n.nspname, t.typname, e.enumlabel
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      ORDER BY n.nspname, t.typname, e.enumsortorder""";

  private static final String COMMENTS = """
      SELECT 'r', d.objoid, d.objsubid, d.description, NULL, NULL
      FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE d.classoid = 'pg_class'::regclass AND\s""" + RELATION_FILTER + """

      UNION ALL
      SELECT 't', 0, 0, d.description, n.nspname, t.typname
      FROM pg_description d JOIN pg_type t ON t.oid = d.objoid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE d.classoid = 'pg_type'::regclass AND t.typtype = 'e'""";

  /** Reads every user relation of the database {@code connection} is connected to. */
  public SchemaModel read(Connection connection) throws CodegenException {
    Map<Long, RelationFacts> relations = readRelations(connection);
    TypeCatalog types = readTypes(connection);
    Map<String, String> comments = readComments(connection, relations);
    readColumns(connection, relations, types, comments);
    readKeys(connection, relations);
    Set<String> usedEnums = new LinkedHashSet<>();
    List<Relation> result = new ArrayList<>();
    for (Map.Entry<Long, RelationFacts> entry : relations.entrySet()) {
      Relation relation = entry.getValue().toRelation(comments.get("r" + entry.getKey() + ".0"));
      relation.columns().forEach(c -> collectEnums(c.type(), usedEnums));
      result.add(relation);
    }
    return new SchemaModel(result, readEnums(connection, usedEnums, comments));
  }

  private static void collectEnums(PgType type, Set<String> into) {
    PgType scalar = type.kind() == PgType.Kind.ARRAY ? type.element() : type;
    if (scalar.kind() == PgType.Kind.ENUM) {
      into.add(scalar.schema() + "." + scalar.name());
    }
  }

  private static Map<Long, RelationFacts> readRelations(Connection connection) throws CodegenException {
    Map<Long, RelationFacts> relations = new LinkedHashMap<>();
    query(connection, "relations", RELATIONS, rs -> relations.put(rs.getLong(1),
        new RelationFacts(rs.getString(2), rs.getString(3), kind(rs.getString(4).charAt(0)))));
    return relations;
  }

  private static Relation.Kind kind(char relkind) {
    return switch (relkind) {
      case 'r' -> Relation.Kind.TABLE;
      case 'p' -> Relation.Kind.PARTITIONED_TABLE;
      case 'v' -> Relation.Kind.VIEW;
      default -> Relation.Kind.MATERIALIZED_VIEW;
    };
  }

  private static TypeCatalog readTypes(Connection connection) throws CodegenException {
    TypeCatalog types = new TypeCatalog();
    query(connection, "types", TYPES, rs -> types.add(new TypeCatalog.Entry(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getString(4).charAt(0), rs.getString(5).charAt(0), rs.getLong(6), rs.getLong(7))));
    return types;
  }

  private static void readColumns(Connection connection, Map<Long, RelationFacts> relations, TypeCatalog types,
      Map<String, String> comments) throws CodegenException {
    query(connection, "columns", COLUMNS, rs -> {
      long relation = rs.getLong(1);
      RelationFacts facts = relations.get(relation);
      if (facts != null) {
        // PostgreSQL names int4[][] like int4[]; only attndims keeps the declared dimensions
        String dims = "[]".repeat(Math.max(0, rs.getInt(9) - 1));
        PgType type = dims.isEmpty() ? types.resolve(rs.getLong(3), rs.getString(5))
            : PgType.unknown(rs.getString(5) + dims);
        facts.columns.add(new Column(rs.getString(2), type,
            rs.getString(4) + dims, castType(rs.getString(5)) + dims, rs.getBoolean(6),
            Optional.ofNullable(rs.getString(7)), Optional.ofNullable(comments.get("r" + relation + "." + rs.getInt(8))),
            rs.getBoolean(10)));
      }
    });
  }

  /**
   * The type a bound parameter of a column declared {@code unmodified} (its type without modifiers) is cast to:
   * {@code bit} and {@code character} without a length mean a length of 1, which would cut the value, so they are
   * cast to {@code bit varying} and {@code text}, and the column's own type checks the length, as an assignment does.
   */
  static String castType(String unmodified) {
    String element = unmodified.endsWith("[]") ? unmodified.substring(0, unmodified.indexOf('[')) : unmodified;
    String array = unmodified.substring(element.length());
    return switch (element) {
      case "bit" -> "bit varying" + array;
      case "character" -> "text" + array;
      default -> unmodified;
    };
  }

  private static void readKeys(Connection connection, Map<Long, RelationFacts> relations) throws CodegenException {
    query(connection, "primary and foreign keys", KEYS, rs -> {
      RelationFacts facts = relations.get(rs.getLong(1));
      if (facts == null) {
        return;
      }
      if (rs.getString(2).equals("p")) {
        facts.primaryKey.add(rs.getString(4));
      } else {
        facts.foreignKey(rs.getString(3), rs.getString(5), rs.getString(6)).add(rs.getString(4), rs.getString(7));
      }
    });
  }

  private static Map<String, String> readComments(Connection connection, Map<Long, RelationFacts> relations)
      throws CodegenException {
    Map<String, String> comments = new HashMap<>();
    query(connection, "comments", COMMENTS, rs -> comments.put(rs.getString(1).equals("r")
        ? "r" + rs.getLong(2) + "." + rs.getInt(3) : "t" + rs.getString(5) + "." + rs.getString(6), rs.getString(4)));
    return comments;
  }

  private static List<EnumType> readEnums(Connection connection, Set<String> used, Map<String, String> comments)
      throws CodegenException {
    Map<String, List<String>> labels = new LinkedHashMap<>();
    Map<String, String[]> names = new HashMap<>();
    query(connection, "enum labels", ENUM_LABELS, rs -> {
      String key = rs.getString(1) + "." + rs.getString(2);
      if (used.contains(key)) {
        names.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2)});
        labels.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
      }
    });
    List<EnumType> enums = new ArrayList<>();
    for (String key : used) {
      String[] name = names.get(key);
      if (name != null) {
        enums.add(new EnumType(name[0], name[1], labels.get(key), Optional.ofNullable(comments.get("t" + key))));
      }
    }
    return enums;
  }

  /** Receives one row of a catalog query. */
  @FunctionalInterface
  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection connection, String what, String sql, RowHandler handler)
      throws CodegenException {
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        handler.accept(rs);
      }
    } catch (SQLException e) {
      throw CodegenException.readSchema(what, e);
    }
  }

  /** What is known of one relation while the queries run. */
  private static final class RelationFacts {
    private final String schema;
    private final String name;
    private final Relation.Kind kind;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final Map<String, ForeignKeyFacts> foreignKeys = new LinkedHashMap<>();

    RelationFacts(String schema, String name, Relation.Kind kind) {
      this.schema = schema;
      this.name = name;
      this.kind = kind;
    }

    ForeignKeyFacts foreignKey(String constraint, String targetSchema, String targetRelation) {
      return foreignKeys.computeIfAbsent(constraint, k -> new ForeignKeyFacts(targetSchema, targetRelation));
    }

    Relation toRelation(String comment) {
      List<ForeignKey> keys = new ArrayList<>();
      foreignKeys.forEach((constraint, fk) -> keys.add(
          new ForeignKey(constraint, fk.columns, fk.targetSchema, fk.targetRelation, fk.targetColumns)));
      return new Relation(schema, name, kind, Optional.ofNullable(comment), columns, primaryKey, keys);
    }
  }

  /** The columns of one foreign key while the keys query runs. */
  private static final class ForeignKeyFacts {
    private final String targetSchema;
    private final String targetRelation;
    private final List<String> columns = new ArrayList<>();
    private final List<String> targetColumns = new ArrayList<>();

    ForeignKeyFacts(String targetSchema, String targetRelation) {
      this.targetSchema = targetSchema;
      this.targetRelation = targetRelation;
    }

    void add(String column, String targetColumn) {
      columns.add(column);
      targetColumns.add(targetColumn);
    }
  }
}
