package dev.hop.maven;

import dev.hop.core.base.CommandHints;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Spells hop's next-step hints as Maven commands: {@code mvn hop:patch-add -Did=12 -DtoVersion=1.4.0}. A production
 * goal's command (upgrade, update) carries the database the goal was given ({@code -Dhop.url}, {@code -Dhop.serverId},
 * {@code -Dhop.user}), so that it can be run as printed; never a password, nor one written in the URL.
 */
final class MavenCommandHints implements CommandHints {

  /** Hints without connection parameters. */
  static final MavenCommandHints INSTANCE = new MavenCommandHints(Map.of());

  private static final Set<String> PRODUCTION_GOALS = Set.of("upgrade", "update");

  private final Map<String, String> connection;

  private MavenCommandHints(Map<String, String> connection) {
    this.connection = connection;
  }

  /** Hints whose production commands carry {@code url}, {@code serverId} and {@code user} when given. */
  static MavenCommandHints forDatabase(String url, String serverId, String user) {
    Map<String, String> connection = new LinkedHashMap<>();
    if (url != null && !url.isBlank()) {
      connection.put("hop.url", withoutPassword(url.trim()));
    }
    if (serverId != null && !serverId.isBlank()) {
      connection.put("hop.serverId", serverId.trim());
    } else if (user != null && !user.isBlank()) {
      connection.put("hop.user", user.trim());
    }
    return new MavenCommandHints(Collections.unmodifiableMap(connection));
  }

  @Override
  public String command(String goal, String... parameters) {
    StringBuilder b = new StringBuilder("mvn hop:").append(goal);
    for (int i = 0; i + 1 < parameters.length; i += 2) {
      b.append(" -D").append(parameters[i]).append('=').append(parameters[i + 1]);
    }
    if (PRODUCTION_GOALS.contains(goal)) {
      connection.forEach((name, value) -> b.append(" -D").append(name).append('=').append(value));
    }
    return b.toString();
  }

  /** {@code jdbc:postgresql://h/db?user=u&password=p} without its password parameter. */
  static String withoutPassword(String url) {
    return url.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
  }
}
