package dev.hop.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which STRATEGY clause CREATE DATABASE gets, by server version and fsync setting. */
class DatabaseServerCopyStrategyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "130000 | false | ''",
      "140012 | false | ''",
      "150000 | false | ' STRATEGY FILE_COPY'",
      "150019 | true  | ''",
      "170002 | false | ' STRATEGY FILE_COPY'",
      "170002 | true  | ''"
  })
  void fileCopyOnlyWhereTheServerChoosesAndDoesNotFlush(int version, boolean fsync, String clause) {
    assertThat(DatabaseServer.copyStrategy(version, fsync)).isEqualTo(clause);
  }
}
