package dev.hop.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.GeneratedSourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks the text splicing of generated members into files edited by the user, without a database. */
class GeneratedCodeMergerTest {

  private static final Path PATH = Path.of("Item.java");
  private final GeneratedCodeMerger merger = new GeneratedCodeMerger();

  private static String generate(Relation relation) {
    SchemaModel model = Models.of(relation);
    ClassNames names = new ClassNames(model, "com.example.db");
    return new RelationClassGenerator(names, new TypeMapper(names)).generate(relation).source();
  }

  private static Relation item(List<String> key) {
    Relation item = Models.item();
    return new Relation(item.schema(), item.name(), item.kind(), item.comment(), item.columns(), key, List.of());
  }

  @Test
  void mergingIntoAnUntouchedFileGivesTheFreshFile() throws Exception {
    String fresh = generate(Models.item());
    assertThat(merger.merge(PATH, fresh, fresh)).isEqualTo(fresh);
    assertThat(merger.holdsUserCode(fresh)).isFalse();
  }

  @Test
  void newMembersGoAfterTheirPredecessorAndInterleavedUserMembersStayPut() throws Exception {
    String withoutKey = generate(item(List.of()));
    String userMember = "\n    // the user's, between two generated members\n    static int answer() {\n        return 42;\n    }\n";
    String edited = withoutKey.replace("\n    /**\n     * Selects every column", userMember + "\n    /**\n     * Selects every column");
    String withKey = generate(item(List.of("id")));

    String merged = merger.merge(PATH, edited, withKey);

    assertThat(merged).contains(userMember).contains("public static Optional<Row> find(Connection connection, Integer id)")
        .contains("import java.util.Optional;\n");
    assertThat(withoutImports(merged.replace(userMember, ""))).isEqualTo(withoutImports(withKey));
    assertThat(merged).contains("import javax.annotation.processing.Generated;\nimport java.util.Optional;\n");
    assertThat(merger.holdsUserCode(merged)).isTrue();
    assertThat(merger.merge(PATH, merged, withKey)).isEqualTo(merged);
    assertThat(withoutImports(merger.merge(PATH, merged, withoutKey).replace(userMember, "")))
        .isEqualTo(withoutImports(withoutKey));
  }

  private static String withoutImports(String source) {
    return source.replaceAll("(?m)^import .*\n", "");
  }

  @Test
  void windowsLineEndsAndTabsOfTheUserAreKept() throws Exception {
    String fresh = generate(Models.item());
    String userMember = "\t// tabbed, CRLF\r\n\tint mine() { return 1; }\r\n";
    String edited = fresh.replace("\n}\n", "\n" + userMember + "}\n");
    Relation renamed = new Relation("shop", "item", Relation.Kind.TABLE, Optional.empty(),
        List.of(Models.column("id", "int8", true)), List.of("id"), List.of());

    String merged = merger.merge(PATH, edited, generate(renamed));

    assertThat(merged).contains(userMember).contains("public record Row(Long id)").doesNotContain("PRICE");
  }

  @Test
  void aFileThatNoLongerParsesIsRefusedNamingIt() {
    String fresh = generate(Models.item());
    assertThatThrownBy(() -> merger.merge(PATH, fresh.replace("public final class", "public final klass"), fresh))
        .isInstanceOf(GeneratedSourceException.class).hasMessageContaining("Item.java");
    assertThatThrownBy(() -> merger.merge(PATH, "package x;\nclass Other {}\n", fresh))
        .isInstanceOf(GeneratedSourceException.class).hasMessageContaining("does not declare Item");
  }
}
