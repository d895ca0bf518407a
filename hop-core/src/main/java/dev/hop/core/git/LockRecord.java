package dev.hop.core.git;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds the team lock, read from and written to the message of the tag {@code lock-ho-prod}.
 *
 * @param user the holder's git user name
 * @param host the holder's machine
 * @param goal the goal that took the lock, e.g. {@code patch-add}
 * @param since when it was taken (UTC)
 * @param pid the holder's process id on its machine, 0 when the lock does not say
 */
public record LockRecord(String user, String host, String goal, Instant since, long pid) {

  public LockRecord {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(since, "since");
  }

  /** The tag message: a subject line, then {@code key: value} lines. */
  String message() {
    return "[ho] Lock ho-prod for " + goal + "\n\nuser: " + user + "\nhost: " + host + "\ngoal: " + goal
        + "\nsince: " + since + "\npid: " + pid + "\n";
  }

  /** Reads a lock tag's message; {@code taggedAt} stands in for a missing or unreadable time. */
  static LockRecord parse(String message, Instant taggedAt) {
    Map<String, String> fields = new LinkedHashMap<>();
    message.lines().forEach(line -> {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
      }
    });
    Instant since = Optional.ofNullable(fields.get("since")).flatMap(LockRecord::instant).orElse(taggedAt);
    long pid;
    try {
      pid = Long.parseLong(fields.getOrDefault("pid", "0"));
    } catch (NumberFormatException e) {
      pid = 0;
    }
    return new LockRecord(fields.getOrDefault("user", "unknown"), fields.getOrDefault("host", "unknown host"),
        fields.getOrDefault("goal", "unknown goal"), since, pid);
  }

  /** {@code alice on build-7 (patch-add, pid 4711) since 2026-01-02T10:00:00Z, 12 min ago}. */
  String describe(Instant now) {
    return user + " on " + host + " (" + goal + (pid > 0 ? ", pid " + pid : "") + ") since " + since + ", " + age(now)
        + " ago";
  }

  Duration ageAt(Instant now) {
    return Duration.between(since, now);
  }

  private String age(Instant now) {
    Duration age = ageAt(now);
    if (age.isNegative()) {
      return "0 s";
    }
    return age.toHours() > 0 ? age.toHours() + " h " + age.toMinutesPart() + " min"
        : age.toMinutes() > 0 ? age.toMinutes() + " min" : age.toSeconds() + " s";
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
