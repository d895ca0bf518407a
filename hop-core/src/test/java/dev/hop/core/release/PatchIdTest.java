package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.InvalidPatchIdException.Rule;
import dev.hop.core.errors.InvalidPatchIdException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PatchIdTest {

  /** SPEC §5, word for word: the implementation must agree with it on every input below. */
  private static final Pattern SPEC = Pattern.compile("^\\d+$|^\\d+-[a-z0-9]+(-[a-z0-9]+)*$");

  private static final String LONGEST = "1-" + "a".repeat(62);

  @ParameterizedTest
  @CsvSource({"1, 1", "12-users, 12", "007-a-b, 007", "12-3, 12", "0, 0", "42-add-index-2, 42"})
  void acceptsBothForms(String text, String number) throws Exception {
    PatchId id = PatchId.of(text);

    assertThat(id.value()).isEqualTo(text);
    assertThat(id.number()).isEqualTo(number);
    assertThat(id).hasToString(text);
    assertThat(SPEC.matcher(text).matches()).isTrue();
  }

  @Test
  void acceptsSixtyFourCharacters() throws Exception {
    assertThat(LONGEST).hasSize(64);
    assertThat(PatchId.of(LONGEST).number()).isEqualTo("1");
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("", Rule.EMPTY, "it is empty"),
        Arguments.of(" ", Rule.FORBIDDEN_CHARACTER, "a space is not allowed"),
        Arguments.of("12 users", Rule.FORBIDDEN_CHARACTER, "a space is not allowed"),
        Arguments.of("12_users", Rule.FORBIDDEN_CHARACTER, "'_' is not allowed (only a-z, 0-9 and '-')"),
        Arguments.of("12-Users", Rule.FORBIDDEN_CHARACTER, "upper case 'U' is not allowed"),
        Arguments.of("../x", Rule.FORBIDDEN_CHARACTER, "'.' is not allowed"),
        Arguments.of("12/x", Rule.FORBIDDEN_CHARACTER, "'/' is not allowed"),
        Arguments.of("12-é", Rule.FORBIDDEN_CHARACTER, "'é' is not allowed"),
        Arguments.of("12\tx", Rule.FORBIDDEN_CHARACTER, "the character U+0009 is not allowed"),
        Arguments.of("a-12", Rule.MUST_START_WITH_NUMBER, "must start with a number, but 'a'"),
        Arguments.of("-12", Rule.MUST_START_WITH_NUMBER, "must start with a number, but ''"),
        Arguments.of("12a-x", Rule.MUST_START_WITH_NUMBER, "must start with a number, but '12a'"),
        Arguments.of("users", Rule.MUST_START_WITH_NUMBER, "must start with a number, but 'users'"),
        Arguments.of("12-users-", Rule.EMPTY_WORD, "'-' must separate non-empty words"),
        Arguments.of("12--x", Rule.EMPTY_WORD, "'-' must separate non-empty words"),
        Arguments.of("12-", Rule.EMPTY_WORD, "'-' must separate non-empty words"),
        Arguments.of(LONGEST + "b", Rule.TOO_LONG, "it has 65 characters, more than 64"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusesNamingTheRuleAndTheAcceptedForms(String text, Rule rule, String explanation) {
    assertThat(SPEC.matcher(text).matches() && text.length() <= 64).isFalse();
    assertThatThrownBy(() -> PatchId.of(text))
        .isInstanceOfSatisfying(InvalidPatchIdException.class, e -> {
          assertThat(e.rule()).isEqualTo(rule);
          assertThat(e.input()).isEqualTo(text);
        })
        .hasMessageStartingWith("Invalid patch id '" + text + "': ")
        .hasMessageContaining(explanation)
        .hasMessageEndingWith("Accepted forms: <number> (e.g. 12) or <number>-<words> (e.g. 12-add-users),"
            + " lower case, at most 64 characters.");
  }

  @Test
  void matchesTheExampleMessageOfTheBrief() {
    assertThatThrownBy(() -> PatchId.of("12_users")).hasMessage("Invalid patch id '12_users': '_' is not"
        + " allowed (only a-z, 0-9 and '-'). Accepted forms: <number> (e.g. 12) or <number>-<words>"
        + " (e.g. 12-add-users), lower case, at most 64 characters.");
  }

  @ParameterizedTest
  @CsvSource({"12_users, _", "12-Users, U", "12/x, /"})
  void namesTheForbiddenCharacter(String text, char forbidden) {
    assertThatThrownBy(() -> PatchId.of(text)).isInstanceOfSatisfying(InvalidPatchIdException.class,
        e -> assertThat(e.forbiddenCharacter()).hasValue(forbidden));
  }

  @Test
  void agreesWithTheSpecOnEveryShortStringOfDigitsLettersAndSeparators() {
    String alphabet = "01a-_A";
    List<String> texts = new ArrayList<>(List.of(""));
    int checked = 0;
    for (int length = 1; length <= 5; length++) {
      List<String> longer = new ArrayList<>();
      for (String text : texts) {
        for (char c : alphabet.toCharArray()) {
          String candidate = text + c;
          assertThat(PatchId.brokenRule(candidate).isEmpty()).as(candidate)
              .isEqualTo(SPEC.matcher(candidate).matches());
          longer.add(candidate);
          checked++;
        }
      }
      texts = longer;
    }
    assertThat(checked).isEqualTo(9330);
  }

  @Test
  void nullIsEmpty() {
    assertThatThrownBy(() -> PatchId.of(null)).isInstanceOfSatisfying(InvalidPatchIdException.class,
        e -> assertThat(e.rule()).isEqualTo(Rule.EMPTY));
  }

  @Test
  void theConstructorRefusesTooSoProgrammingErrorsCannotBuildABadId() {
    assertThatThrownBy(() -> new PatchId("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'.' is not allowed");
  }
}
