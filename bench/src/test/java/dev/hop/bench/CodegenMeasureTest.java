package dev.hop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.hop.bench.CodegenMeasure.HopGeneration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The parts of P4 that can go wrong without a build: reading the logs, writing the two poms. */
class CodegenMeasureTest {

  @Test
  void readsHopsGenerateLine() {
    String log = "[INFO] Development database: postgres@127.0.0.1:37691/bench_p4 (hop.url)\n"
        + "[INFO] Code generated from bench_p4_1_5d684f into src/main/java/bench/hop/db: written 613, unchanged 2,"
        + " deleted 1, kept 0 (0.90 s)\n[INFO] BUILD SUCCESS\n";

    assertThat(HopGeneration.parse(log)).isEqualTo(new HopGeneration(613, 2, 1, 0, 0.90));
  }

  @Test
  void aBuildWithoutHopsLineFailsWithItsTail() {
    assertThatThrownBy(() -> HopGeneration.parse("[INFO] BUILD SUCCESS\n"))
        .hasMessageContaining("no 'Code generated from").hasMessageContaining("BUILD SUCCESS");
  }

  @Test
  void readsJooqsLastTotalInSecondsOrMilliseconds() {
    String log = "[INFO] Enums generated          : Total: 3.389s, +2.5ms\n"
        + "[INFO] Generation finished: shop: Total: 3.389s, +0.132ms\n";

    assertThat(CodegenMeasure.jooqSeconds(log)).contains(3.389);
    assertThat(CodegenMeasure.jooqSeconds("[INFO] Generation finished: shop: Total: 873.376ms, +1ms"))
        .hasValueSatisfying(s -> assertThat(s).isCloseTo(0.873376, offset(1e-9)));
    assertThat(CodegenMeasure.jooqSeconds("[INFO] BUILD SUCCESS")).isEmpty();
  }

  @Test
  void theHopPomPinsThePluginAndReadsThePasswordFromTheEnvironmentOnlyWhenAsked() throws Exception {
    Document withPassword = xml(CodegenProjects.hopPom("0.1.0-SNAPSHOT", "bench.hop.db", true));
    Document without = xml(CodegenProjects.hopPom("0.1.0-SNAPSHOT", "bench.hop.db", false));

    assertThat(text(withPassword, "//plugin[artifactId='hop-maven-plugin']/version")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(text(withPassword, "//plugin/configuration/basePackage")).isEqualTo("bench.hop.db");
    assertThat(text(withPassword, "//plugin/configuration/password")).isEqualTo("${env.HOP_BENCH_PASSWORD}");
    assertThat(text(without, "count(//plugin/configuration/password)")).isEqualTo("0");
  }

  @Test
  void theJooqPomPinsPluginAndDriverAndEscapesTheUrl() throws Exception {
    Document pom = xml(CodegenProjects.jooqPom("3.19.39", "42.7.14", "jdbc:postgresql://h:5432/db?a=1&b=2",
        Optional.of("postgres"), false, "shop", "bench.jooq.db"));

    assertThat(text(pom, "//plugin[artifactId='jooq-codegen-maven']/version")).isEqualTo("3.19.39");
    assertThat(text(pom, "//plugin/dependencies/dependency[artifactId='postgresql']/version")).isEqualTo("42.7.14");
    assertThat(text(pom, "//configuration/jdbc/url")).isEqualTo("jdbc:postgresql://h:5432/db?a=1&b=2");
    assertThat(text(pom, "//configuration/jdbc/user")).isEqualTo("postgres");
    assertThat(text(pom, "count(//configuration/jdbc/password)")).isEqualTo("0");
    assertThat(text(pom, "//generator/database/inputSchema")).isEqualTo("shop");
    assertThat(text(pom, "//generator/target/packageName")).isEqualTo("bench.jooq.db");
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document doc, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, doc).trim();
  }
}
