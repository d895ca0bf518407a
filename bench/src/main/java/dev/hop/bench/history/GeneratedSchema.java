package dev.hop.bench.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the generated SQL has built so far (tables, their columns and row counts), so that the next change is valid
 * SQL: an index on a column that exists, a rename of a column that is there, rows that satisfy foreign keys.
 */
final class GeneratedSchema {

  /** A column; {@code references} names the table whose {@code id} it points to, if any. */
  record Column(String name, ColumnType type, Optional<String> references) {
  }

  /** A table: its name, columns ({@code id integer PRIMARY KEY} first) and its row ids {@code 1..rows}. */
  static final class Table {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private int rows;

    Table(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    List<Column> columns() {
      return columns;
    }

    int rows() {
      return rows;
    }

    void addRows(int count) {
      rows += count;
    }

    /** The columns that are neither {@code id} nor a foreign key: free to update, index or rename. */
    List<Column> plainColumns() {
      return columns.stream().filter(c -> !c.name().equals("id") && c.references().isEmpty()).toList();
    }

    void rename(Column column, String to) {
      columns.set(columns.indexOf(column), new Column(to, column.type(), column.references()));
    }
  }

  private final List<Table> tables = new ArrayList<>();

  List<Table> tables() {
    return tables;
  }

  Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
