package dev.hop.core.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void spellsTheStandardVectorInLowerCaseHex() {
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void digestsPartsAsOneArray() {
    assertThat(Sha256.hex("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isNotEqualTo(Sha256.hex("ab".getBytes(StandardCharsets.US_ASCII)));
  }
}
