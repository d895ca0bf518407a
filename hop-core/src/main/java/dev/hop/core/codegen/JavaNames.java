package dev.hop.core.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns PostgreSQL names into safe Java names. The rules, applied in this order:
 * <ol>
 *   <li>A name is cut into words at every character that is not a letter or a digit ({@code "User Name"},
 *       {@code user_name} and {@code user-name} all give the words {@code User|user} and {@code Name|name}).</li>
 *   <li>Type names join the words with an upper-case first letter, the rest kept as written
 *       ({@code user_account} → {@code UserAccount}, {@code "UserAccount"} → {@code UserAccount}).</li>
 *   <li>Member names do the same but start lower-case ({@code "User Name"} → {@code userName},
 *       {@code ID} → {@code id}, {@code HTTPCode} → {@code httpCode}).</li>
 *   <li>Constant names put an underscore between words and where lower case meets upper case, in upper case
 *       ({@code createdAt} → {@code CREATED_AT}).</li>
 *   <li>Package segments are the name in lower case with every other character replaced by {@code _}.</li>
 *   <li>A name starting with a digit gets a leading {@code _} ({@code 2fa} → {@code _2fa}, {@code _2FA}).</li>
 *   <li>A name that is a Java keyword or literal ({@code order} stays, {@code class} → {@code class_}) or that
 *       would clash with what generated code uses (a type named {@code String}, a record component named
 *       {@code hashCode}) gets a trailing {@code _}.</li>
 *   <li>A name with no letter or digit becomes {@code _} plus its fallback ({@code _column}).</li>
 * </ol>
 * Two names that still clash in one scope are told apart by {@link NameTable}.
 */
final class JavaNames {

  static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
      "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "_", "var", "yield", "record", "sealed", "permits");

  /** Simple names generated code refers to (java.lang and its imports), which a generated type must not shadow. */
  static final Set<String> RESERVED_TYPES = Set.of("Array", "ArrayList", "Arrays", "Assertions", "BigDecimal",
      "Boolean", "Byte", "Character", "Class", "Collections", "Connection", "Double", "DriverManager", "Enum",
      "Exception", "Float", "Function", "Generated", "IllegalArgumentException", "IllegalStateException", "Integer",
      "Iterable", "List", "LocalDate", "LocalDateTime", "LocalTime", "Long", "Math", "Number", "Object",
      "OffsetDateTime", "Optional", "Override", "PreparedStatement", "Record", "ResultSet", "ResultSetMetaData",
      "Row", "RuntimeException", "SQLException", "Short", "String", "StringJoiner", "SuppressWarnings", "System",
      "Test", "Types", "UUID", "Void");

  /** Component names a record may not have (JLS 8.10.1) and names generated methods use for their own variables. */
  static final Set<String> RESERVED_MEMBERS = Set.of("clone", "finalize", "getClass", "hashCode", "notify",
      "notifyAll", "toString", "wait", "connection", "statement", "resultSet", "row", "rows", "where", "parameters",
      "values", "index", "sql", "element");

  private JavaNames() {
  }

  /** The class name for a relation or enum type named {@code name}. */
  static String typeName(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      out.appendCodePoint(Character.toUpperCase(word.codePointAt(0))).append(word.substring(word.offsetByCodePoints(0, 1)));
    }
    return safe(out.toString(), "Relation", RESERVED_TYPES);
  }

  /** The record component (and parameter) name for a column named {@code name}. */
  static String memberName(String name) {
    List<String> words = words(name);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (i == 0) {
        out.append(lowerLeadingCapitals(word));
      } else {
        out.appendCodePoint(Character.toUpperCase(word.codePointAt(0))).append(word.substring(word.offsetByCodePoints(0, 1)));
      }
    }
    return safe(out.toString(), "column", RESERVED_MEMBERS);
  }

  /** The constant name for a column name or an enum label. */
  static String constantName(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      if (out.length() > 0) {
        out.append('_');
      }
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(word.charAt(i - 1))
            || Character.isDigit(word.charAt(i - 1)))) {
          out.append('_');
        }
        out.append(c);
      }
    }
    return safe(out.toString().toUpperCase(Locale.ROOT), "VALUE", Set.of());
  }

  /** The package segment for a schema named {@code name}. */
  static String packageSegment(String name) {
    StringBuilder out = new StringBuilder();
    name.toLowerCase(Locale.ROOT).codePoints().forEach(c -> out.appendCodePoint(isPart(c) ? c : '_'));
    return safe(out.toString(), "schema", Set.of());
  }

  private static String safe(String name, String fallback, Set<String> reserved) {
    if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
      return "_" + fallback;
    }
    if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return "_" + name;
    }
    if (KEYWORDS.contains(name) || reserved.contains(name)) {
      return name + "_";
    }
    return name;
  }

  private static boolean isPart(int c) {
    return Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c) || c == '_';
  }

  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c)) {
        word.appendCodePoint(c);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code ID} → {@code id}, {@code HTTPCode} → {@code httpCode}, {@code Name} → {@code name}. */
  private static String lowerLeadingCapitals(String word) {
    int upper = 0;
    while (upper < word.length() && Character.isUpperCase(word.charAt(upper))) {
      upper++;
    }
    if (upper == 0) {
      return word;
    }
    if (upper == word.length() || upper == 1) {
      return word.substring(0, upper).toLowerCase(Locale.ROOT) + word.substring(upper);
    }
    return word.substring(0, upper - 1).toLowerCase(Locale.ROOT) + word.substring(upper - 1);
  }
}
