package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that the text hop writes directly is what JavaParser's pretty printer makes of it (the layout hop's files
 * always had), and that its member keys are those the merger parses from it.
 */
class GeneratedTextTest {

  private static final String NASTY = "trailing   \nblank\n\n\n runs\u2028 * star\r\n*/ {x} <b> & \\u0041 @tag\t ";

  static Stream<Relation> relations() {
    Relation item = Models.item();
    Column odd = new Column(NASTY, PgType.arrayOf(PgType.enumType("shop", "mood")), "shop.mood[]", "shop.mood[]",
        false, Optional.of(NASTY), Optional.of(NASTY));
    return Stream.of(item,
        new Relation("shop", "keyless", Relation.Kind.TABLE, Optional.of(NASTY), item.columns(), List.of(), List.of()),
        new Relation("shop", "pair", Relation.Kind.PARTITIONED_TABLE, Optional.empty(),
            List.of(item.columns().get(0), odd, Models.column("b", "bytea", true)), List.of(NASTY, "id"), List.of()),
        new Relation("shop", "only_key", Relation.Kind.TABLE, Optional.empty(),
            List.of(Models.column("k", "uuid", true)), List.of("k"), List.of()),
        new Relation("shop", "view", Relation.Kind.VIEW, Optional.of(""), List.of(odd), List.of(), List.of()),
        new Relation("shop", "empty", Relation.Kind.TABLE, Optional.empty(), List.of(), List.of(), List.of()));
  }

  @ParameterizedTest
  @MethodSource("relations")
  void relationClassesArePrettyPrintedAndKeyedAsParsed(Relation relation) throws Exception {
    SchemaModel model = new SchemaModel(List.of(relation),
        List.of(new EnumType("shop", "mood", List.of("a", NASTY), Optional.of(NASTY))));
    ClassNames names = new ClassNames(model, "com.example.db");
    GeneratedClass generated = new RelationClassGenerator(names, new TypeMapper(names)).generate(relation);

    assertThat(printed(generated.source())).isEqualTo(generated.source());
    assertThat(new GeneratedCodeMerger().members(Path.of("X.java"), generated.source())).isEqualTo(generated);
    String enumSource = new EnumGenerator(names).generate(model.enums().get(0));
    assertThat(printed(enumSource)).isEqualTo(enumSource);
    String test = new TestClassGenerator().generate(names.of(relation));
    assertThat(printed(test)).isEqualTo(test);
  }

  private static String printed(String source) {
    return new DefaultPrettyPrinter(new DefaultPrinterConfiguration().addOption(new DefaultConfigurationOption(
        DefaultPrinterConfiguration.ConfigOption.END_OF_LINE_CHARACTER, "\n")))
        .print(Java17.parse(Java17.parser(), source, new StringBuilder()).orElseThrow());
  }
}
