package dev.hop.maven;

import dev.hop.core.FleetTarget;
import dev.hop.core.base.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The databases of a fleet as {@code -Dhop.targets=<file>} lists them, one per line: a JDBC URL or the id of a
 * settings.xml {@code <server>} whose {@code <configuration><url>} gives it, then optionally a name (the database's
 * by default) and {@code server=<id>} for the credentials of a URL line. Blank lines and {@code #} comments are
 * skipped. A line without credentials of its own takes the goal's ({@code hop.user}, {@code hop.serverId}, …).
 */
final class FleetTargetsFile {
  /** The settings.xml lookups a targets file needs. */
  interface Servers {
    Credentials credentials(String id, String parameter) throws MojoFailureException;

    String url(String id, String parameter) throws MojoFailureException;
  }

  private FleetTargetsFile() {
  }

  /**
   * Reads {@code file}.
   *
   * @param defaults the goal's own credentials
   * @throws MojoFailureException for a missing file or a malformed line, naming it
   */
  static List<FleetTarget> read(Path file, Credentials defaults, Servers servers) throws MojoFailureException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read the targets file " + file + " (hop.targets): " + e.getMessage()
          + ". Name a file that lists one JDBC URL or settings.xml server id per line.");
    }
    List<FleetTarget> targets = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int hash = line.indexOf('#');
      String text = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!text.isEmpty()) {
        targets.add(target(text.split("\\s+"), file + ":" + (n + 1), defaults, servers));
      }
    }
    return targets;
  }

  private static FleetTarget target(String[] tokens, String where, Credentials defaults, Servers servers)
      throws MojoFailureException {
    String first = tokens[0];
    Optional<String> name = Optional.empty();
    Optional<String> server = first.startsWith("jdbc:") ? Optional.empty() : Optional.of(first);
    for (int i = 1; i < tokens.length; i++) {
      if (tokens[i].startsWith("server=")) {
        server = Optional.of(tokens[i].substring("server=".length()));
      } else if (name.isEmpty()) {
        name = Optional.of(tokens[i]);
      } else {
        throw new MojoFailureException("Line " + where + " has more than a target, a name and server=<id>: '"
            + String.join(" ", tokens) + "'. Write one database per line: <jdbc url or server id> [name]"
            + " [server=<id>]");
      }
    }
    String url = first.startsWith("jdbc:") ? first : servers.url(first, where);
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new MojoFailureException("Line " + where + " names " + url + ", not a PostgreSQL JDBC URL"
          + " (jdbc:postgresql://host:port/database).");
    }
    Credentials credentials = server.isPresent() ? servers.credentials(server.get(), where).or(defaults) : defaults;
    return new FleetTarget(name.orElse(databaseOf(url)), url, credentials.username(),
        Secret.of(credentials.password().orElse(null)));
  }

  /** The database a JDBC URL names: what follows its last {@code /}, up to its parameters. */
  static String databaseOf(String url) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
