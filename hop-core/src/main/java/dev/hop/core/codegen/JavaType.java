package dev.hop.core.codegen;

import java.util.Objects;
import java.util.Set;

/**
 * How generated code holds, reads and binds one column: its Java type and the expressions that move a value
 * between JDBC and that type.
 *
 * @param name the type as written in source, e.g. {@code Integer}, {@code List<String>}, {@code byte[]}
 * @param imports what the source must import for it
 * @param read the expression reading it from a result set: {@code %1$s} is the result set, {@code %2$d} the index
 * @param write the expression giving the object to bind: {@code %1$s} is the value (an expression without side
 *     effects), {@code connection} is in scope
 * @param cast whether the parameter must be cast to the column's type in SQL (the bound value is text or text[])
 * @param array whether it is a {@code List} read with the generated {@code list} helper
 */
record JavaType(String name, Set<String> imports, String read, String write, boolean cast, boolean array) {

  public JavaType {
    Objects.requireNonNull(name, "name");
    imports = Set.copyOf(imports);
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
  }

  // the templates hold no other format specifier, so a plain replace does what String.format would, without parsing
  String readExpression(String resultSet, int index) {
    return read.replace("%1$s", resultSet).replace("%2$d", Integer.toString(index));
  }

  String writeExpression(String value) {
    return write.replace("%1$s", value);
  }
}
