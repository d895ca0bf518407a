package dev.hop.core.git;

import dev.hop.core.base.HopSettings.GitCredentials;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.NetRC;
import org.eclipse.jgit.transport.URIish;

/**
 * Answers origin's HTTPS username/password question from the first source that has them: the settings.xml
 * server, then {@code ~/.netrc}, then {@code HOP_GIT_USERNAME}/{@code HOP_GIT_PASSWORD}; never prompts, and
 * remembers which sources it consulted (names only) for the failure message.
 */
final class HttpsCredentials extends CredentialsProvider {
  private final GitCredentials settings;
  private final GitEnvironment environment;
  private final List<String> consulted = new ArrayList<>();

  HttpsCredentials(GitCredentials settings, GitEnvironment environment) {
    this.settings = settings;
    this.environment = environment;
  }

  private record Found(String username, char[] password) {
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public boolean supports(CredentialItem... items) {
    for (CredentialItem item : items) {
      if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized boolean get(URIish uri, CredentialItem... items) {
    Optional<Found> found = find(uri);
    if (found.isEmpty() || !supports(items)) {
      return false;
    }
    for (CredentialItem item : items) {
      if (item instanceof CredentialItem.Username username) {
        username.setValue(found.get().username());
      } else if (item instanceof CredentialItem.Password password) {
        password.setValue(found.get().password().clone());
      }
    }
    return true;
  }

  /** The sources consulted so far, each with what it gave, e.g. {@code ~/.netrc (no entry for host)}. */
  synchronized List<String> consulted() {
    return consulted.isEmpty() ? List.of(describeAll()) : List.copyOf(consulted);
  }

  private Optional<Found> find(URIish uri) {
    consulted.clear();
    String host = uri.getHost() == null ? "" : uri.getHost();
    if (settings.username().isPresent() && settings.password().isPresent()) {
      consulted.add("settings.xml " + settings.source() + " (used)");
      return Optional.of(new Found(settings.username().get(), settings.password().reveal().toCharArray()));
    }
    consulted.add(settings.equals(GitCredentials.NONE) ? "settings.xml server (hop.gitServerId not set)"
        : "settings.xml " + settings.source() + " (no username and password)");
    Optional<Found> netrc = netrc(host);
    if (netrc.isPresent()) {
      consulted.add("~/.netrc (used, machine " + host + ")");
      return netrc;
    }
    consulted.add("~/.netrc (" + (Files.isRegularFile(environment.netrc()) ? "no entry for " + host : "absent") + ")");
    Optional<String> user = environment.variable(GitEnvironment.USERNAME_VARIABLE);
    Optional<String> password = environment.variable(GitEnvironment.PASSWORD_VARIABLE);
    String envName = GitEnvironment.USERNAME_VARIABLE + "/" + GitEnvironment.PASSWORD_VARIABLE;
    if (user.isPresent() && password.isPresent()) {
      consulted.add(envName + " (used)");
      return Optional.of(new Found(user.get(), password.get().toCharArray()));
    }
    consulted.add(envName + " (not set)");
    return Optional.empty();
  }

  private String describeAll() {
    return "settings.xml server, ~/.netrc, " + GitEnvironment.USERNAME_VARIABLE + "/"
        + GitEnvironment.PASSWORD_VARIABLE;
  }

  private Optional<Found> netrc(String host) {
    if (!Files.isRegularFile(environment.netrc())) {
      return Optional.empty();
    }
    NetRC.NetRCEntry entry = new NetRC(environment.netrc().toFile()).getEntry(host);
    if (entry == null || entry.login == null || entry.password == null) {
      return Optional.empty();
    }
    return Optional.of(new Found(entry.login, entry.password.clone()));
  }
}
