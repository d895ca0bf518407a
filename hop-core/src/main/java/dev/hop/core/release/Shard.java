package dev.hop.core.release;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.Sha256;
import dev.hop.core.errors.InvalidShardException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i-th of n shards of a fleet, for CI fan-out: a database belongs to the shard its name's SHA-256 falls in, so that
 * the same database is always in the same shard whatever the others are, and n shards are disjoint and cover the
 * fleet.
 *
 * @param index 1-based, at most {@code count}
 * @param count how many shards
 */
public record Shard(int index, int count) {
  private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

  /** The whole fleet, one shard. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("A shard is i/n with 1 <= i <= n: " + index + "/" + count);
    }
  }

  /**
   * Parses {@code i/n}.
   *
   * @throws InvalidShardException for anything else
   */
  public static Shard parse(String text, CommandHints hints) throws InvalidShardException {
    Matcher m = TEXT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new InvalidShardException(text, hints);
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (count < 1 || index < 1 || index > count) {
      throw new InvalidShardException(text, hints);
    }
    return new Shard(index, count);
  }

  /** Whether the database named {@code name} belongs to this shard. */
  public boolean contains(String name) {
    return of(name, count) == index;
  }

  /** The shard (1-based) of {@code name} among {@code count}. */
  public static int of(String name, int count) {
    byte[] digest = Sha256.bytes(name.getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(value, count) + 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
