package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin's one jar carries what hop's SSH client needs for the keys users have (ed25519 through net.i2p). */
class PluginJarIT {

  @Test
  void theJarHoldsTheEdDsaProviderThatSshdLooksFor() throws Exception {
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().matches("hop-maven-plugin-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("no plugin jar in " + target));
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getEntry("net/i2p/crypto/eddsa/EdDSASecurityProvider.class")).as(jar.toString()).isNotNull();
      assertThat(file.getEntry("org/apache/sshd/common/util/security/eddsa/NetI2pCryptoEdDSASupport.class"))
          .isNotNull();
    }
  }
}
