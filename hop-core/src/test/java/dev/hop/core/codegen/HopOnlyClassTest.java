package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which files {@link HopOnlyClass} lets hop replace whole: variations of the reviewed golden class {@code Item} (the
 * fresh class) as an older generation or a user's edit would leave them.
 */
class HopOnlyClassTest {

  private static final String TAGS_FIELD = """

          /**
           * Column {@code tags}, {@code text[]}.
           */
          @Generated("hop")
          public static final String TAGS = "tags";
      """;
  private static final String USER_METHOD = """

          public static int twice(int n) {
              return 2 * n;
          }
      """;

  private static String golden;
  private static GeneratedClass fresh;

  @BeforeAll
  static void fresh() throws Exception {
    golden = RelationClassGeneratorTest.golden("Item.java");
    List<String> imports = golden.lines().filter(l -> l.startsWith("import ")).toList();
    fresh = new GeneratedClass("Item", imports, List.of(), golden);
  }

  static Stream<Arguments> files() {
    return Stream.of(
        hop("the fresh class itself", s -> s),
        hop("an older generation: a member and an import fewer",
            s -> s.replace(TAGS_FIELD, "").replace("import java.util.Optional;\n", "")),
        hop("an older generation: a JDK import the fresh class no longer needs",
            s -> s.replace("import java.util.List;\n", "import java.util.List;\nimport java.time.LocalDate;\n")),
        hop("an older generation: a block member with other lines",
            s -> s.replace("        return rows.isEmpty()", "\n        return rows.isEmpty()")),
        hop("a member marked as hop's in hop's layout is hop's", s -> s.replace(TAGS_FIELD, TAGS_FIELD
            + TAGS_FIELD.replace("TAGS = \"tags\"", "OLD_TAGS = \"tags\""))),
        user("a user method before the closing brace", s -> s.replaceFirst("\n}\n$", "\n" + USER_METHOD + "}\n")),
        user("a user method between two members", s -> s.replace(TAGS_FIELD, TAGS_FIELD + USER_METHOD)),
        user("a user field right after a member, no blank line",
            s -> s.replace("TAGS = \"tags\";\n", "TAGS = \"tags\";\n    static int mine = 1;\n")),
        user("a line comment between members", s -> s.replace(TAGS_FIELD, TAGS_FIELD + "\n    // mine\n")),
        user("a member without the mark", s -> s.replace(TAGS_FIELD, TAGS_FIELD.replace("    @Generated(\"hop\")\n",
            ""))),
        user("an import of the user's", s -> s.replace("import java.util.List;\n",
            "import java.util.List;\nimport com.acme.Util;\n")),
        user("a static import", s -> s.replace("import java.util.List;\n",
            "import java.util.List;\nimport static java.lang.Math.max;\n")),
        user("a wildcard import", s -> s.replace("import java.util.List;\n", "import java.util.List;\nimport java.io.*;\n")),
        user("an edited class Javadoc", s -> s.replace(" * What the shop sells.", " * What the shop sells, and more.")),
        user("another class after this one", s -> s + "\nclass Helper {\n}\n"),
        user("a comment after the class", s -> s + "// end\n"),
        user("a block member holding a line at member indentation", s -> s.replace(
            "        return rows.isEmpty()", "    }\n    static void mine() {\n        return rows.isEmpty()")),
        user("an unfinished Javadoc", s -> s.replace("     * Column {@code tags}, {@code text[]}.\n     */\n",
            "     * Column {@code tags}, {@code text[]}.\n")),
        user("Windows line endings", s -> s.replace("\n", "\r\n")),
        user("a changed package", s -> s.replace("package com.example.db.shop;", "package com.example.other;")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void replacesWholeOnlyAFileHoldingNothingButHopsText(String what, UnaryOperator<String> edit, boolean hopOnly) {
    String existing = edit.apply(golden);
    assertThat(existing).as("the variation must change something or be the fresh class")
        .matches(e -> what.equals("the fresh class itself") == e.equals(golden));

    assertThat(HopOnlyClass.test(existing, fresh)).isEqualTo(hopOnly);
  }

  private static Arguments hop(String what, UnaryOperator<String> edit) {
    return Arguments.of(what, edit, true);
  }

  private static Arguments user(String what, UnaryOperator<String> edit) {
    return Arguments.of(what, edit, false);
  }
}
