package dev.hop.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenEmbeddedBinariesTest {

  @ParameterizedTest
  @CsvSource({"Linux,amd64,linux-amd64", "Linux,aarch64,linux-arm64v8", "Mac OS X,aarch64,darwin-arm64v8",
      "Mac OS X,x86_64,darwin-amd64"})
  void platforms(String os, String arch, String platform) {
    assertThat(MavenEmbeddedBinaries.platform(os, arch)).contains(platform);
  }

  @Test
  void noBinariesForOtherPlatforms() {
    assertThat(MavenEmbeddedBinaries.platform("Linux", "s390x")).isEmpty();
    assertThat(MavenEmbeddedBinaries.platform("Windows 11", "amd64")).isEmpty();
  }

  @Test
  void defaultVersionIsTheBuildsZonkyVersion() {
    assertThat(AbstractHopMojo.DEFAULT_PG_VERSION).isEqualTo(System.getProperty("hop.test.zonkyPgVersion"));
  }
}
