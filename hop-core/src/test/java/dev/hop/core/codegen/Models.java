package dev.hop.core.codegen;

import java.util.List;
import java.util.Optional;

/** Small hand-built models for the pure generator tests. */
final class Models {

  private Models() {
  }

  static Column column(String name, String type, boolean notNull) {
    return new Column(name, PgType.builtIn(type), type, type, notNull, Optional.empty(), Optional.empty());
  }

  /** {@code shop.item}: a serial key, a commented text column, a numeric and a text array; with a comment. */
  static Relation item() {
    return new Relation("shop", "item", Relation.Kind.TABLE, Optional.of("What the shop sells."), List.of(
        new Column("id", PgType.builtIn("int4"), "integer", "integer", true,
            Optional.of("nextval('shop.item_id_seq'::regclass)"), Optional.empty()),
        new Column("name", PgType.builtIn("text"), "text", "text", true, Optional.empty(),
            Optional.of("Shown to <customers> & staff.")),
        new Column("price", PgType.builtIn("numeric"), "numeric(10,2)", "numeric", false, Optional.empty(),
            Optional.empty()),
        new Column("tags", PgType.arrayOf(PgType.builtIn("text")), "text[]", "text[]", false, Optional.empty(),
            Optional.empty())),
        List.of("id"), List.of());
  }

  static SchemaModel of(Relation... relations) {
    return new SchemaModel(List.of(relations), List.of());
  }
}
