package dev.hop.core.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between two schema dumps that the same pg_dump took ({@code --schema-only}, without owners and
 * privileges), object by object: pg_dump writes each object as a block under a {@code -- Name: …; Type: …; Schema: …}
 * header, in an order that depends only on the objects, so that the same schema gives the same blocks. An object is
 * named as its header names it ({@code TABLE public.film}, {@code INDEX public.idx_title}, {@code FUNCTION
 * public.last_day(timestamp with time zone)}).
 */
public final class SchemaDiff {
  private static final Pattern HEADER = Pattern.compile(
      "(?m)^-- (?:Data for )?Name: (.*?); Type: (.*?); Schema: (.*?); Owner: .*$");

  /** How an object differs. */
  public enum Kind {
    /** In the database only. */
    ADDED,
    /** In the reference only. */
    REMOVED,
    /** In both, defined differently. */
    CHANGED
  }

  /**
   * One object that differs.
   *
   * @param kind how
   * @param object the object, e.g. {@code TABLE public.film}
   * @param detail for a change, the first line that differs (reference, then database); else empty
   */
  public record Difference(Kind kind, String object, String detail) {
    /** One line for the user, e.g. {@code changed: TABLE public.film (- rating text + rating mpaa_rating)}. */
    public String describe() {
      String what = switch (kind) {
        case ADDED -> "added";
        case REMOVED -> "removed";
        case CHANGED -> "changed";
      };
      return what + ": " + object + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  private SchemaDiff() {
  }

  /**
   * The objects of {@code database} that differ from {@code reference}: added, removed or changed, in the
   * reference's order then the database's.
   */
  public static List<Difference> between(String reference, String database) {
    Map<String, String> expected = blocks(reference);
    Map<String, String> actual = blocks(database);
    List<Difference> differences = new ArrayList<>();
    expected.forEach((object, body) -> {
      String other = actual.get(object);
      if (other == null) {
        differences.add(new Difference(Kind.REMOVED, object, ""));
      } else if (!other.equals(body)) {
        differences.add(new Difference(Kind.CHANGED, object, firstDifference(body, other)));
      }
    });
    actual.keySet().stream().filter(object -> !expected.containsKey(object))
        .forEach(object -> differences.add(new Difference(Kind.ADDED, object, "")));
    return List.copyOf(differences);
  }

  /**
   * The dump's objects by name, each with its statements (comment lines and blank lines left out); a header with no
   * statement under it is no object.
   */
  static Map<String, String> blocks(String dump) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher header = HEADER.matcher(dump);
    String object = null;
    int bodyStart = 0;
    while (header.find()) {
      if (object != null) {
        put(blocks, object, dump.substring(bodyStart, header.start()));
      }
      String schema = header.group(3).equals("-") ? "" : header.group(3) + ".";
      object = header.group(2) + " " + schema + header.group(1);
      bodyStart = header.end();
    }
    if (object != null) {
      put(blocks, object, dump.substring(bodyStart));
    }
    return blocks;
  }

  private static void put(Map<String, String> blocks, String object, String body) {
    StringBuilder statements = new StringBuilder();
    body.lines().map(String::stripTrailing).filter(l -> !l.isEmpty() && !l.startsWith("--"))
        .forEach(l -> statements.append(l).append('\n'));
    if (statements.isEmpty()) {
      return; // a header over a comment only, such as "*not* creating schema, since initdb creates it"
    }
    String key = object;
    for (int n = 2; blocks.containsKey(key); n++) {
      key = object + " #" + n;
    }
    blocks.put(key, statements.toString());
  }

  /**
   * The first line of {@code reference} that {@code database} lacks and the first line of {@code database} that
   * {@code reference} lacks (a column list's trailing commas ignored), e.g. {@code + note text}; the first line that
   * differs by position when both have the same lines in another order.
   */
  private static String firstDifference(String reference, String database) {
    List<String> a = reference.lines().map(SchemaDiff::normalized).toList();
    List<String> b = database.lines().map(SchemaDiff::normalized).toList();
    String removed = a.stream().filter(line -> !b.contains(line)).findFirst().map(line -> "- " + line).orElse("");
    String added = b.stream().filter(line -> !a.contains(line)).findFirst().map(line -> "+ " + line).orElse("");
    if (removed.isEmpty() && added.isEmpty()) {
      int i = 0;
      while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
        i++;
      }
      removed = i < a.size() ? "- " + a.get(i) : "";
      added = i < b.size() ? "+ " + b.get(i) : "";
    }
    return (removed + " " + added).strip();
  }

  private static String normalized(String line) {
    String text = line.strip();
    return text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
  }
}
