package dev.hop.core.workflow;

import java.util.List;
import java.util.Map;

/** Writes the small JSON documents of {@code -Dhop.output=json} from maps, lists, strings, numbers and booleans. */
public final class Json {

  private Json() {
  }

  /** The value as JSON text; maps keep their iteration order. */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value);
    return b.toString();
  }

  private static void append(StringBuilder b, Object value) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(first ? "" : ",");
        first = false;
        string(b, String.valueOf(e.getKey()));
        b.append(':');
        append(b, e.getValue());
      }
      b.append('}');
    } else if (value instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        b.append(i == 0 ? "" : ",");
        append(b, list.get(i));
      }
      b.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else {
      string(b, value.toString());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
