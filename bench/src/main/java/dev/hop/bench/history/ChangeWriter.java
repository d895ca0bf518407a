package dev.hop.bench.history;

import dev.hop.bench.history.GeneratedSchema.Column;
import dev.hop.bench.history.GeneratedSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes one schema change as SQL, valid on the schema built so far, and records it in that schema: a table of
 * 5–20 columns of mixed types with its rows, an index, a view, a function, a data update, a column added or renamed.
 */
final class ChangeWriter {

  /** One change: a word for its file name, words for the patch id, and its SQL. */
  record Change(String kind, String slug, String title, String sql) {
  }

  private static final String[] NOUNS = {"customer", "invoice", "item", "stock", "shipment", "payment", "account",
      "supplier", "product", "price", "order", "region", "store", "employee", "contract", "ticket", "visit", "batch",
      "route", "rating"};
  private static final String[] ATTRIBUTES = {"name", "code", "amount", "qty", "note", "label", "total", "weight",
      "status", "due", "started", "score", "ratio", "flag", "ref", "tags", "info", "level", "size", "rank"};
  private static final int MAX_COLUMNS = 30;

  private final Random random;
  private final GeneratedSchema schema = new GeneratedSchema();
  private int objects;

  ChangeWriter(Random random) {
    this.random = random;
  }

  /** The next change: a table when there is none yet, else one of the kinds, weighted like a living schema. */
  Change next() {
    if (schema.tables().isEmpty()) {
      return table();
    }
    int pick = random.nextInt(100);
    if (pick < 16) {
      return table();
    } else if (pick < 30) {
      return index();
    } else if (pick < 40) {
      return view();
    } else if (pick < 50) {
      return function();
    } else if (pick < 76) {
      return data();
    } else if (pick < 90) {
      return addColumn();
    }
    return renameColumn();
  }

  private Change table() {
    Table table = new Table(NOUNS[random.nextInt(NOUNS.length)] + "_" + ++objects);
    table.columns().add(new Column("id", ColumnType.INTEGER, Optional.empty()));
    int columns = 5 + random.nextInt(16);
    if (!schema.tables().isEmpty() && random.nextInt(10) < 4) {
      Table other = pick(schema.tables());
      table.columns().add(new Column(other.name() + "_id", ColumnType.INTEGER, Optional.of(other.name())));
    }
    while (table.columns().size() < columns) {
      ColumnType type = ColumnType.values()[random.nextInt(ColumnType.values().length)];
      table.columns().add(new Column(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)] + "_" + table.columns().size(),
          type, Optional.empty()));
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE public.").append(table.name()).append(" (\n");
    for (Column c : table.columns()) {
      sql.append("    ").append(c.name()).append(' ').append(c.type().sql());
      if (c.name().equals("id")) {
        sql.append(" PRIMARY KEY");
      }
      c.references().ifPresent(t -> sql.append(" REFERENCES public.").append(t).append(" (id)"));
      sql.append(c == table.columns().get(table.columns().size() - 1) ? "\n" : ",\n");
    }
    sql.append(");\n");
    if (random.nextBoolean()) {
      sql.append("COMMENT ON TABLE public.").append(table.name()).append(" IS 'Generated table ").append(objects)
          .append(".';\n");
    }
    schema.tables().add(table);
    sql.append(insert(table, 10 + random.nextInt(91)));
    return new Change("table", "create-" + slug(table.name()), "Create table " + table.name(), sql.toString());
  }

  /** Adds {@code count} rows after the table's last id; foreign keys point at existing rows (or are null). */
  private String insert(Table table, int count) {
    int from = table.rows() + 1;
    table.addRows(count);
    String names = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    String values = table.columns().stream().map(this::valueOf).collect(Collectors.joining(",\n       "));
    return "INSERT INTO public." + table.name() + " (" + names + ")\nSELECT " + values + "\nFROM generate_series("
        + from + ", " + table.rows() + ") AS g;\n";
  }

  private String valueOf(Column c) {
    if (c.name().equals("id")) {
      return "g";
    }
    if (c.references().isPresent()) {
      // the row if it is there: a development database restored from a schema-only snapshot has no rows
      String other = c.references().get();
      int rows = schema.table(other).orElseThrow().rows();
      return "(SELECT o.id FROM public." + other + " o WHERE o.id = g % " + rows + " + 1)";
    }
    return c.type().value("g");
  }

  private Change index() {
    Table table = pick(schema.tables());
    List<Column> candidates = table.plainColumns().stream().filter(c -> c.type().indexable()).toList();
    if (candidates.isEmpty()) {
      return data();
    }
    Column column = pick(candidates);
    String name = "ix_" + ++objects + "_" + table.name();
    return new Change("index", "index-" + slug(table.name()), "Index " + table.name() + "." + column.name(),
        "CREATE INDEX " + name + " ON public." + table.name() + " (" + column.name() + ");\n");
  }

  private Change view() {
    Table table = pick(schema.tables());
    List<Column> columns = new ArrayList<>(List.of(table.columns().get(0)));
    List<Column> plain = new ArrayList<>(table.plainColumns());
    for (int i = 0; i < 1 + random.nextInt(3) && !plain.isEmpty(); i++) {
      columns.add(plain.remove(random.nextInt(plain.size())));
    }
    String name = table.name() + "_v" + ++objects;
    String select = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    return new Change("view", "view-" + slug(table.name()), "View " + name,
        "CREATE VIEW public." + name + " AS\nSELECT " + select + "\nFROM public." + table.name()
            + "\nWHERE id % " + (2 + random.nextInt(5)) + " <> 0;\n");
  }

  private Change function() {
    int n = ++objects;
    if (random.nextBoolean()) {
      Table table = pick(schema.tables());
      String name = table.name() + "_count_" + n;
      return new Change("function", "count-" + slug(table.name()), "Function " + name,
          "CREATE FUNCTION public." + name + "(p_min integer) RETURNS bigint\nLANGUAGE sql STABLE\nAS $$\n"
              + "  SELECT count(*) FROM public." + table.name() + " WHERE id >= p_min\n$$;\n");
    }
    String name = "scaled_" + n;
    return new Change("function", "function-" + n, "Function " + name,
        "CREATE FUNCTION public." + name + "(a numeric, b integer) RETURNS numeric\nLANGUAGE plpgsql IMMUTABLE\n"
            + "AS $$\nBEGIN\n  RETURN round(a * b + " + n + ", 2);\nEND;\n$$;\n");
  }

  private Change data() {
    Table table = pick(schema.tables());
    List<Column> plain = table.plainColumns();
    if (plain.isEmpty() || random.nextInt(3) == 0) {
      return new Change("data", "rows-" + slug(table.name()), "More rows in " + table.name(),
          insert(table, 5 + random.nextInt(46)));
    }
    Column column = pick(plain);
    int shift = 1 + random.nextInt(50);
    int modulo = 2 + random.nextInt(4);
    return new Change("data", "update-" + slug(table.name()), "Update " + table.name() + "." + column.name(),
        "UPDATE public." + table.name() + "\nSET " + column.name() + " = " + column.type().value("id + " + shift)
            + "\nWHERE id % " + modulo + " = " + random.nextInt(modulo) + ";\n");
  }

  private Change addColumn() {
    Table table = pick(schema.tables());
    if (table.columns().size() >= MAX_COLUMNS) {
      return data();
    }
    ColumnType type = ColumnType.values()[random.nextInt(ColumnType.values().length)];
    Column column = new Column(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)] + "_" + ++objects, type,
        Optional.empty());
    String sql = "ALTER TABLE public." + table.name() + " ADD COLUMN " + column.name() + " " + type.sql()
        + (random.nextBoolean() ? " NOT NULL DEFAULT (" + type.value("0") + ")" : "") + ";\n";
    table.columns().add(column);
    return new Change("column", "add-" + slug(column.name()), "Add " + table.name() + "." + column.name(), sql);
  }

  private Change renameColumn() {
    Table table = pick(schema.tables());
    List<Column> plain = table.plainColumns();
    if (plain.isEmpty()) {
      return addColumn();
    }
    Column column = pick(plain);
    String to = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)] + "_" + ++objects;
    table.rename(column, to);
    return new Change("rename", "rename-" + slug(to), "Rename " + table.name() + "." + column.name() + " to " + to,
        "ALTER TABLE public." + table.name() + " RENAME COLUMN " + column.name() + " TO " + to + ";\n");
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String slug(String name) {
    return name.replace('_', '-');
  }
}
