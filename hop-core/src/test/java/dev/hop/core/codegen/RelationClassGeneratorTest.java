package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks the generated class of a relation against reviewed golden files. */
class RelationClassGeneratorTest {

  private static String generate(SchemaModel model, Relation relation) {
    ClassNames names = new ClassNames(model, "com.example.db");
    return new RelationClassGenerator(names, new TypeMapper(names)).generate(relation).source();
  }

  @Test
  void itemMatchesTheGoldenFile() throws IOException {
    SchemaModel model = Models.of(Models.item());

    String generated = generate(model, Models.item());

    assertThat(generated).isEqualTo(golden("Item.java"));
  }

  static String golden(String name) throws IOException {
    try (InputStream in = RelationClassGeneratorTest.class.getResourceAsStream("/codegen/" + name)) {
      assertThat(in).as("golden file codegen/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
