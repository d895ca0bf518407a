package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands hop prints: a production goal's carries the database it was given, never a password. */
class MavenCommandHintsTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      jdbc:postgresql://db/shop ; prod   ;       ; upgrade   ; mvn hop:upgrade -Dhop.url=jdbc:postgresql://db/shop -Dhop.serverId=prod
      jdbc:postgresql://db/shop ;        ; alice ; update    ; mvn hop:update -Dhop.url=jdbc:postgresql://db/shop -Dhop.user=alice
      jdbc:postgresql://db/shop?password=s3cret&ssl=true ; ; ; upgrade ; mvn hop:upgrade -Dhop.url=jdbc:postgresql://db/shop?ssl=true
      jdbc:postgresql://db/shop?ssl=true&password=s3cret ; ; ; upgrade ; mvn hop:upgrade -Dhop.url=jdbc:postgresql://db/shop?ssl=true
      jdbc:postgresql://db/shop ; prod   ;       ; patch-new ; mvn hop:patch-new
                                ;        ;       ; upgrade   ; mvn hop:upgrade
      """)
  void productionCommandsCarryTheDatabaseButNoPassword(String url, String serverId, String user, String goal,
      String expected) {
    assertThat(MavenCommandHints.forDatabase(url, serverId, user).command(goal)).isEqualTo(expected);
  }
}
