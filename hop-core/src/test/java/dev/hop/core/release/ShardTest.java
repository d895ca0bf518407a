package dev.hop.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.base.CommandHints;
import dev.hop.core.errors.InvalidShardException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {
  private static final List<String> FLEET = IntStream.range(0, 1000).mapToObj(i -> String.format("tenant_%04d", i))
      .toList();

  @ParameterizedTest
  @CsvSource({"1/1, 1, 1", "2/4, 2, 4", "4/4, 4, 4", " 3 / 10 , 3, 10"})
  void parsesIOverN(String text, int index, int count) throws Exception {
    assertThat(Shard.parse(text, CommandHints.NEUTRAL)).isEqualTo(new Shard(index, count));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0/4", "5/4", "1/0", "2", "a/b", "-1/3", "1/2/3", "1-2"})
  void refusesAnythingElseNamingTheForm(String text) {
    assertThatThrownBy(() -> Shard.parse(text, CommandHints.NEUTRAL)).isInstanceOf(InvalidShardException.class)
        .hasMessageContaining("expected i/n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 16})
  void theShardsOfAFleetAreDisjointAndCoverIt(int count) {
    Set<String> seen = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Shard shard = new Shard(i, count);
      List<String> mine = FLEET.stream().filter(shard::contains).toList();
      sizes.add(mine.size());
      for (String name : mine) {
        assertThat(seen.add(name)).as(name + " in two shards").isTrue();
      }
    }
    assertThat(seen).hasSize(FLEET.size());
    // balanced enough for CI agents: no shard more than half again its fair share
    assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThan(FLEET.size() * 3 / (2 * count) + 2));
  }

  @Test
  void aDatabaseStaysInItsShardWhateverTheRestOfTheFleet() {
    assertThat(Shard.of("tenant_0001", 4)).isEqualTo(Shard.of("tenant_0001", 4));
    assertThat(IntStream.rangeClosed(1, 4).filter(i -> new Shard(i, 4).contains("tenant_0001")).count()).isEqualTo(1);
    // the assignment is part of the contract (CI jobs keep their databases across hop versions)
    // (the first 8 bytes of the name's SHA-256, unsigned, modulo n, plus one)
    assertThat(List.of(Shard.of("acme", 4), Shard.of("globex", 4), Shard.of("initech", 4))).containsExactly(1, 4, 4);
  }
}
