package dev.hop.core.codegen;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One member hop generates in a class, as the merger matches it across generations.
 *
 * @param key what identifies it: {@code field NAME}, {@code callable name(ErasedType, ...)} or {@code type Name}
 * @param text its source with its Javadoc and annotation, at member indentation, each line ending with {@code \n}
 */
record GeneratedMember(String key, String text) {

  private static final String GENERATED = "@Generated(\"hop\")\n";
  private static final Pattern TYPE_ARGUMENTS = Pattern.compile("<.*>");

  /** A field, documented by {@code doc}, declared by {@code declaration} (written at indentation 0). */
  static GeneratedMember field(String name, String doc, String declaration) {
    return of("field " + name, doc, declaration);
  }

  /** A method or constructor; {@code parameterTypes} as written in its declaration. */
  static GeneratedMember callable(String name, List<String> parameterTypes, String doc, String declaration) {
    return of("callable " + name + parameterTypes.stream().map(GeneratedMember::erased)
        .collect(Collectors.joining(", ", "(", ")")), doc, declaration);
  }

  static GeneratedMember type(String name, String doc, String declaration) {
    return of("type " + name, doc, declaration);
  }

  private static GeneratedMember of(String key, String doc, String declaration) {
    return new GeneratedMember(key, (Javadoc.of(doc) + GENERATED + declaration + "\n").lines()
        .map(line -> "    " + line + "\n").collect(Collectors.joining()));
  }

  /** The type as JavaParser's signatures spell it: type arguments dropped, varargs as an array. */
  private static String erased(String type) {
    return TYPE_ARGUMENTS.matcher(type).replaceAll("").replace("...", "[]");
  }

  /** {@code { a, b }} as JavaParser prints an array initializer, {@code {}} when there is nothing inside. */
  static String braces(List<String> values) {
    return values.isEmpty() ? "{}" : "{ " + String.join(", ", values) + " }";
  }
}
