package dev.hop.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {

  private static final HistoryShape SHAPE = new HistoryShape(4, 25, 3, true);
  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE public\\.\\w+ \\(\\n(.*?)\\n\\);",
      Pattern.DOTALL);

  @Test
  void theSameSeedGivesTheSameHistoryAndAnotherSeedAnotherOne() {
    History first = new HistoryGenerator(42).generate(SHAPE);

    assertThat(new HistoryGenerator(42).generate(SHAPE)).isEqualTo(first);
    assertThat(new HistoryGenerator(43).generate(SHAPE).patches().get(0).sql())
        .isNotEqualTo(first.patches().get(0).sql());
  }

  @Test
  void aSmallerHistoryIsAPrefixOfALargerOne() {
    List<Patch> small = new HistoryGenerator(42).generate(HistoryShape.released(2, 25)).released();
    List<Patch> large = new HistoryGenerator(42).generate(HistoryShape.released(5, 25)).released();

    assertThat(large.subList(0, small.size())).isEqualTo(small);
  }

  @Test
  void hasTheShapeAskedForWithNumberedPatchesOfOneToThreeFiles() {
    History history = new HistoryGenerator(42).generate(SHAPE);

    assertThat(history.releases()).extracting(Release::version).containsExactly("0.1.0", "0.2.0", "0.3.0", "0.4.0");
    assertThat(history.releases()).allSatisfy(r -> assertThat(r.patches()).hasSize(25));
    assertThat(history.stageVersion()).isEqualTo("0.5.0");
    assertThat(history.stage()).hasSize(3);
    assertThat(history.current()).isPresent();
    assertThat(history.patches()).hasSize(SHAPE.patches()).extracting(Patch::number)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, SHAPE.patches()).boxed().toList());
    assertThat(history.patches()).extracting(Patch::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("\\d+-[a-z0-9]+(-[a-z0-9]+)*") && id.length() <= 64);
    assertThat(history.patches()).allSatisfy(p -> {
      assertThat(p.files()).hasSizeBetween(1, 3);
      assertThat(p.files()).extracting(SqlFile::name).isSorted().allMatch(n -> n.matches("0[1-3]-[a-z]+\\.sql"));
      assertThat(p.files()).allSatisfy(f -> assertThat(f.sql()).endsWith(";\n"));
    });
  }

  @Test
  void writesEveryKindOfChangeAndTablesOfFiveToTwentyColumnsOfMixedTypes() {
    String sql = String.join("", new HistoryGenerator(42).generate(SHAPE).patches().stream().map(Patch::sql).toList());

    assertThat(sql).contains("CREATE TABLE ", "INSERT INTO ", "CREATE INDEX ", "CREATE VIEW ", "CREATE FUNCTION ",
        "LANGUAGE plpgsql", "UPDATE ", " ADD COLUMN ", " RENAME COLUMN ", " REFERENCES ", "COMMENT ON TABLE ");
    Matcher m = CREATE_TABLE.matcher(sql);
    int tables = 0;
    java.util.Set<String> types = new java.util.HashSet<>();
    while (m.find()) {
      String[] columns = m.group(1).split(",\n");
      assertThat(columns.length).as(m.group()).isBetween(5, 20);
      assertThat(columns[0].strip()).isEqualTo("id integer PRIMARY KEY");
      for (String column : columns) {
        types.add(column.strip().split(" ", 2)[1].replace(" PRIMARY KEY", "").replaceAll(" REFERENCES .*", ""));
      }
      tables++;
    }
    assertThat(tables).isGreaterThan(5);
    assertThat(types).contains("integer", "bigint", "numeric(12,2)", "text", "varchar(40)", "boolean", "date",
        "timestamptz", "uuid", "jsonb", "text[]");
  }
}
