package dev.hop.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The folder clone picks from a repository URL. */
class CloneCommandTest {

  @ParameterizedTest
  @CsvSource({
      "https://git.example.org/team/shop-db.git, shop-db",
      "https://git.example.org/team/shop-db/, shop-db",
      "git@github.com:team/shop-db.git, shop-db",
      "git@host:shop.git, shop",
      "file:///tmp/x/origin.git, origin",
      "/srv/git/billing, billing"})
  void namesTheFolderAfterTheRepository(String url, String folder) {
    assertThat(CloneCommand.repositoryName(url)).isEqualTo(folder);
  }
}
