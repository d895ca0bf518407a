package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.InvalidPatchIdException.Rule;
import dev.hop.core.errors.ReleaseFileException.Reason;
import dev.hop.core.errors.ReleaseFileException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseFileTest {

  private static List<PatchId> ids(String... values) {
    return Arrays.stream(values).map(PatchId::new).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''                                            | ''
      '12-users\n'                                  | 12-users
      '12-users'                                    | 12-users
      '3\n1\n2\n'                                   | 3,1,2
      '# release 1.4.0\n\n12-users\n  \n# x\n7\n'   | 12-users,7
      '  12-users  \r\n\t7\t\r\n'                   | 12-users,7
      '   # indented comment\n5-a\n'                | 5-a
      '\uFEFF12-users\n'                            | 12-users
      '#12_not_an_id\n8\n'                          | 8
      """)
  void keepsIdsInOrderIgnoringBlanksAndComments(String text, String expected) throws Exception {
    List<PatchId> want = expected.isEmpty() ? List.of() : ids(expected.split(","));

    assertThat(ReleaseFile.parse("1.4.0-stage.txt", text.translateEscapes()).patches())
        .containsExactlyElementsOf(want);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      '12_users\n'               | 1 | FORBIDDEN_CHARACTER
      '# c\n\n12-users\n12-Users' | 4 | FORBIDDEN_CHARACTER
      '1\n2\n12-users # why\n'   | 3 | FORBIDDEN_CHARACTER
      '1\n2-\n'                  | 2 | EMPTY_WORD
      'users\n'                  | 1 | MUST_START_WITH_NUMBER
      """)
  void refusesABadLineNamingFileAndLine(String text, int line, Rule rule) {
    assertThatThrownBy(() -> ReleaseFile.parse("1.4.0-rc2.txt", text.translateEscapes()))
        .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
          assertThat(e.fileName()).isEqualTo("1.4.0-rc2.txt");
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.reason()).isEqualTo(Reason.INVALID_PATCH_ID);
          assertThat(e.patchIdRefusal()).hasValueSatisfying(p -> assertThat(p.rule()).isEqualTo(rule));
        })
        .hasMessageStartingWith("Invalid release file releases/1.4.0-rc2.txt, line " + line + ": Invalid patch id")
        .hasMessageContaining("Accepted forms:")
        .hasMessageEndingWith("Fix releases/1.4.0-rc2.txt and commit it.");
  }

  @Test
  void refusesADuplicateNamingBothLines() {
    assertThatThrownBy(() -> ReleaseFile.parse("1.4.0.txt", "12-users\n7\n# again\n12-users\n"))
        .isInstanceOfSatisfying(ReleaseFileException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_PATCH_ID);
          assertThat(e.patchIdRefusal()).isEmpty();
        })
        .hasMessageContaining("releases/1.4.0.txt, line 4: patch 12-users is listed twice (first on line 1)");
  }

  @Test
  void appendReturnsANewValueWithTheIdLast() {
    ReleaseFile before = new ReleaseFile(ids("3", "1"));

    ReleaseFile after = before.append(new PatchId("2-x"));

    assertThat(after.patches()).containsExactlyElementsOf(ids("3", "1", "2-x"));
    assertThat(before.patches()).containsExactlyElementsOf(ids("3", "1"));
    assertThat(after.contains(new PatchId("2-x"))).isTrue();
    assertThat(before.contains(new PatchId("2-x"))).isFalse();
  }

  @Test
  void appendRefusesAnIdAlreadyListed() {
    assertThatThrownBy(() -> new ReleaseFile(ids("3", "1")).append(new PatchId("3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''        | ''
      3         | '3\n'
      3,1,12-x  | '3\n1\n12-x\n'
      """)
  void rendersOneIdPerLineWithATrailingNewline(String list, String text) throws Exception {
    ReleaseFile file = new ReleaseFile(list.isEmpty() ? List.of() : ids(list.split(",")));

    assertThat(file.text()).isEqualTo(text.translateEscapes());
    assertThat(ReleaseFile.parse("x.txt", file.text())).isEqualTo(file);
    assertThat(file.isEmpty()).isEqualTo(list.isEmpty());
  }

  @Test
  void isImmutable() {
    ReleaseFile file = new ReleaseFile(ids("1"));
    assertThatThrownBy(() -> file.patches().add(new PatchId("2"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void linesBreakWhereTheRegularExpressionLinebreakDoes() {
    List<String> texts = List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb", "a\r\r\nb", "a\n\rb", "\n\n",
        "a\u000Bb\fc\u0085d\u2028e\u2029f", "a\r", "\r\n", "x\u2028\r\n");
    for (String text : texts) {
      assertThat(ReleaseFile.lines(text)).as(text.replace("\r", "\\r").replace("\n", "\\n"))
          .containsExactly(text.split("\\R", -1));
    }
  }
}
