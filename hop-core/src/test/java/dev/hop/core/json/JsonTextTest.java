package dev.hop.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text of results: order kept, strings escaped. */
class JsonTextTest {

  @Test
  void writesNestedValuesInOrderAndEscapesStrings() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("b", List.of(1, true, "x"));
    doc.put("a", "quote \" back \\ line\n tab\t \u0001");
    doc.put("n", null);

    assertThat(JsonText.of(doc)).isEqualTo("{\"b\":[1,true,\"x\"],\"a\":\"quote \\\" back \\\\ line\\n tab\\t \\u0001\","
        + "\"n\":null}");
  }
}
