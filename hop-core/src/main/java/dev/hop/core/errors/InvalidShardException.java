package dev.hop.core.errors;

import dev.hop.core.base.CommandHints;

/** Refuses a shard that is not {@code i/n} with {@code 1 <= i <= n}. */
public final class InvalidShardException extends HopUserException {
  private static final long serialVersionUID = 1L;

  private final String input;

  public InvalidShardException(String input, CommandHints hints) {
    super("Invalid shard '" + input + "': expected i/n, the i-th of n shards (1 <= i <= n), e.g. 2/4. Run: "
        + hints.command("upgrade", "shard", "<i>/<n>"));
    this.input = input;
  }

  /** The text that was refused. */
  public String input() {
    return input;
  }
}
