package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps PostgreSQL column types to Java types: int2/int4/int8 → Short/Integer/Long, numeric → BigDecimal,
 * float4/float8 → Float/Double, bool → Boolean, text/varchar/char/bpchar/name → String, date → LocalDate,
 * timestamp → LocalDateTime, timestamptz → OffsetDateTime, time → LocalTime, uuid → UUID, bytea → byte[],
 * json/jsonb → String, one-dimensional arrays → List of the element type, enums → the generated enum, anything else
 * (multi-dimensional arrays included) → Object.
 */
final class TypeMapper {

  /** A built-in scalar: its Java type, import, how to read it, and how to convert an element of a JDBC array. */
  private record Scalar(String name, String imported, String read, String element, boolean cast) { }

  private static final String OBJECT_OF = "%1$s.getObject(%2$d, %3$s.class)";

  private static final Map<String, Scalar> SCALARS = Map.ofEntries(
      Map.entry("int2", numeric("Short", "shortValue")),
      Map.entry("int4", numeric("Integer", "intValue")),
      Map.entry("int8", numeric("Long", "longValue")),
      Map.entry("float4", numeric("Float", "floatValue")),
      Map.entry("float8", numeric("Double", "doubleValue")),
      Map.entry("numeric", objectOf("BigDecimal", "java.math.BigDecimal", "(BigDecimal) element")),
      Map.entry("bool", objectOf("Boolean", null, "(Boolean) element")),
      Map.entry("text", text()), Map.entry("varchar", text()), Map.entry("bpchar", text()),
      Map.entry("char", text()), Map.entry("name", text()),
      Map.entry("date", objectOf("LocalDate", "java.time.LocalDate", "((java.sql.Date) element).toLocalDate()")),
      Map.entry("timestamp", objectOf("LocalDateTime", "java.time.LocalDateTime",
          "((java.sql.Timestamp) element).toLocalDateTime()")),
      Map.entry("timestamptz", objectOf("OffsetDateTime", "java.time.OffsetDateTime",
          "((java.sql.Timestamp) element).toInstant().atOffset(java.time.ZoneOffset.UTC)")),
      Map.entry("time", objectOf("LocalTime", "java.time.LocalTime", "((java.sql.Time) element).toLocalTime()")),
      Map.entry("uuid", objectOf("UUID", "java.util.UUID", "(UUID) element")),
      Map.entry("bytea", new Scalar("byte[]", null, "%1$s.getBytes(%2$d)", "(byte[]) element", false)),
      Map.entry("json", json()), Map.entry("jsonb", json()));

  private static final JavaType OBJECT = new JavaType("Object", Set.of(), "%1$s.getObject(%2$d)", "%1$s", true, false);

  private final ClassNames names;

  TypeMapper(ClassNames names) {
    this.names = names;
  }

  /** The Java side of {@code type} in a class of package {@code inPackage}. */
  JavaType map(PgType type, String inPackage) {
    return switch (type.kind()) {
      case BASE -> scalar(type).map(this::scalarType).orElse(OBJECT);
      case ENUM -> enumType(type, inPackage);
      case ARRAY -> array(type.element(), inPackage);
      case UNKNOWN -> OBJECT;
    };
  }

  /** Whether hop maps {@code type} to something better than {@code Object}. */
  boolean isKnown(PgType type) {
    return map(type, "") != OBJECT;
  }

  /** {@code schema.relation.column type} for each column of {@code model} that maps to {@code Object}, sorted. */
  List<String> unknownColumns(SchemaModel model) {
    List<String> unknown = new ArrayList<>();
    for (Relation relation : model.relations()) {
      for (Column column : relation.columns()) {
        if (!isKnown(column.type())) {
          unknown.add(relation.qualifiedName() + "." + column.name() + " " + column.sqlType());
        }
      }
    }
    return unknown;
  }

  private JavaType scalarType(Scalar scalar) {
    return new JavaType(scalar.name(), scalar.imported() == null ? Set.of() : Set.of(scalar.imported()),
        scalar.read().replace("%3$s", scalar.name()), "%1$s", scalar.cast(), false);
  }

  private JavaType enumType(PgType type, String inPackage) {
    String name = enumName(type, inPackage);
    return new JavaType(name, Set.of(), name + ".fromLabel(%1$s.getString(%2$d))",
        "%1$s == null ? null : %1$s.label()", true, false);
  }

  private JavaType array(PgType element, String inPackage) {
    String elementName;
    String fromJdbc;
    String toText = "String.valueOf(element)";
    if (element.kind() == PgType.Kind.ENUM) {
      elementName = enumName(element, inPackage);
      fromJdbc = elementName + ".fromLabel((String) element)";
      toText = "element.label()";
    } else {
      Scalar scalar = scalar(element).filter(s -> s.element() != null).orElse(null);
      if (scalar == null) {
        return OBJECT;
      }
      elementName = scalar.name();
      fromJdbc = scalar.element();
      if (element.name().equals("bytea")) {
        // written as text[] then cast: a bytea element in PostgreSQL's hex input form
        toText = "\"\\\\x\" + java.util.HexFormat.of().formatHex(element)";
      }
    }
    Set<String> imports = new java.util.TreeSet<>(Set.of("java.util.List"));
    scalar(element).map(Scalar::imported).ifPresent(imports::add);
    return new JavaType("List<" + elementName + ">", imports,
        "list(%1$s.getArray(%2$d), element -> " + fromJdbc + ")",
        "%1$s == null ? null : connection.createArrayOf(\"text\", %1$s.stream()"
            + ".map(element -> element == null ? null : " + toText + ").toArray())", true, true);
  }

  private String enumName(PgType type, String inPackage) {
    ClassNames.JavaClass javaClass = names.ofEnum(type.schema(), type.name());
    return javaClass.packageName().equals(inPackage) ? javaClass.simpleName() : javaClass.qualifiedName();
  }

  private static java.util.Optional<Scalar> scalar(PgType type) {
    return type.kind() == PgType.Kind.BASE && type.schema().equals("pg_catalog")
        ? java.util.Optional.ofNullable(SCALARS.get(type.name())) : java.util.Optional.empty();
  }

  private static Scalar numeric(String name, String unbox) {
    return new Scalar(name, null, OBJECT_OF, "((Number) element)." + unbox + "()", false);
  }

  private static Scalar objectOf(String name, String imported, String element) {
    return new Scalar(name, imported, OBJECT_OF, element, false);
  }

  private static Scalar text() {
    return new Scalar("String", null, "%1$s.getString(%2$d)", "(String) element", false);
  }

  private static Scalar json() {
    return new Scalar("String", null, "%1$s.getString(%2$d)", "String.valueOf(element)", true);
  }
}
