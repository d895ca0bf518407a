package dev.hop.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads hop's own SQL resources under {@code hop/db/}. */
final class Resources {

  private Resources() {
  }

  static String sql(String name) {
    try (InputStream in = Resources.class.getResourceAsStream("/hop/db/" + name)) {
      if (in == null) {
        throw new IllegalStateException("hop-core is missing its resource hop/db/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
