package dev.hop.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON document a goal run with {@code -Dhop.output=json} writes to {@code target/hop/<goal>.json}. */
final class GoalDocument {
  private GoalDocument() {
  }

  /** The document of {@code goal} run in {@code basedir}, parsed. */
  static JsonNode read(Path basedir, String goal) throws IOException {
    return new ObjectMapper().readTree(basedir.resolve("target/hop/" + goal + ".json").toFile());
  }

  /** Asserts the document of {@code goal} says, in format 1, that it was done; returns it. */
  static JsonNode assertDone(Path basedir, String goal) throws IOException {
    JsonNode doc = read(basedir, goal);
    assertThat(doc.path("format").asInt()).isEqualTo(1);
    assertThat(doc.path("goal").asText()).isEqualTo(goal);
    assertThat(doc.path("outcome").asText()).as(doc.toString()).isEqualTo("done");
    return doc;
  }
}
