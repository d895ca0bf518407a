package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Placeholder until the archetype's database test support lands: the project builds and tests run. */
class HopDatabaseTest {

  @Test
  void projectBuilds() {
    assertTrue(Runtime.version().feature() >= 17, "hop projects need Java 17 or newer");
  }
}
