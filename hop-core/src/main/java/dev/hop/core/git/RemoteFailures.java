package dev.hop.core.git;

import dev.hop.core.errors.GitAccessException;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a failure talking to origin into hop's exceptions: host key and authentication refusals, else an operation failure. */
final class RemoteFailures {
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+):[^@/\\s]+@");
  private static final Pattern AUTH_SIGNS = Pattern.compile("not authorized|authentication|auth fail|\\b40[13]\\b"
      + "|credentialsprovider");
  /** How Apache MINA sshd ends a login the server did not accept with any key offered (or when none was). */
  private static final Pattern SSH_LOGIN_FAILED = Pattern.compile("no more authentication methods available"
      + "|permission denied \\(publickey");

  private RemoteFailures() {
  }

  /** Removes a password written inside a URL ({@code https://user:secret@host} → {@code https://user:***@host}). */
  static String redact(String text) {
    return text == null ? "" : URL_PASSWORD.matcher(text).replaceAll("$1:***@");
  }

  /**
   * The exception to throw for {@code failure}.
   *
   * @param gitCommand the equivalent command line
   * @param what what hop was doing, e.g. {@code Cannot fetch from origin}
   */
  static HopException translate(GitWorkspace workspace, String gitCommand, String what, Exception failure) {
    String url = redact(workspace.originUrl());
    Optional<KnownHostsPolicy.Refusal> refusal = workspace.access().takeHostKeyRefusal();
    if (refusal.isPresent()) {
      return hostKey(what, url, refusal.get(), failure);
    }
    String text = chain(failure).toLowerCase(Locale.ROOT);
    boolean ssh = !url.startsWith("http");
    if (ssh && SSH_LOGIN_FAILED.matcher(text).find()) {
      return sshLogin(workspace, gitCommand, what, url, failure);
    }
    if (!ssh && AUTH_SIGNS.matcher(text).find()) {
      List<String> tried = workspace.access().httpsSourcesConsulted();
      return new GitAccessException(GitAccessException.Reason.AUTHENTICATION_FAILED, host(url), tried,
          what + ": origin (" + url + ") refused the credentials. Tried: " + String.join(", ", tried) + ". Set a"
              + " <server> in settings.xml and -Dhop.gitServerId, a ~/.netrc entry, or "
              + GitEnvironment.USERNAME_VARIABLE + " and " + GitEnvironment.PASSWORD_VARIABLE + " (a token works as"
              + " password). Check with: " + gitCommand, failure);
    }
    return new GitOperationException(gitCommand, what + " (" + url + ")", new RedactedCause(failure));
  }

  /**
   * An SSH login that failed: the keys hop could not offer (protected by a passphrase, unreadable) come first, then
   * the case of no key at all; only when hop offered keys did origin refuse the credentials.
   */
  private static GitAccessException sshLogin(GitWorkspace workspace, String gitCommand, String what, String url,
      Exception failure) {
    RemoteAccess access = workspace.access();
    List<SshKeyFiles.KeyFile> keys = access.sshKeys();
    List<String> tried = access.sshSourcesConsulted();
    String agent = access.sshAgent() ? "the ssh-agent of SSH_AUTH_SOCK does not hold it"
        : "no ssh-agent runs (SSH_AUTH_SOCK is not set)";
    List<String> locked = keys.stream().filter(SshKeyFiles.KeyFile::locked).map(SshKeyFiles.KeyFile::display).toList();
    if (!locked.isEmpty()) {
      String files = String.join(" ", locked);
      return new GitAccessException(GitAccessException.Reason.KEY_LOCKED, host(url), tried, what + ": origin ("
          + url + ") did not let hop in, and " + String.join(" and ", locked) + (locked.size() == 1 ? " is" : " are")
          + " protected by a passphrase, which hop never asks for (goals run without a terminal), and " + agent
          + ". Load the key into an agent, then run the goal again: eval \"$(ssh-agent -s)\" && ssh-add " + files
          + " (in CI, give the job an agent with the key). Check with: " + gitCommand, failure);
    }
    List<SshKeyFiles.KeyFile> unusable = keys.stream().filter(k -> k.problem().isPresent()).toList();
    if (!unusable.isEmpty()) {
      SshKeyFiles.KeyFile key = unusable.get(0);
      return new GitAccessException(GitAccessException.Reason.KEY_UNUSABLE, host(url), tried, what + ": origin ("
          + url + ") did not let hop in, and hop cannot use " + key.display() + ": " + key.problem().get()
          + ". Check the key with: ssh-keygen -y -f " + key.display() + ", or make a new one with: ssh-keygen -t"
          + " ed25519 (then add its .pub to your account on the Git server)", failure);
    }
    if (keys.isEmpty() && !access.sshAgent()) {
      return new GitAccessException(GitAccessException.Reason.NO_CREDENTIALS, host(url), tried, what + ": hop had"
          + " no SSH key to offer origin (" + url + "): ~/.ssh holds none of " + String.join(", ",
          SshKeyFiles.DEFAULT_NAMES) + " and no ssh-agent runs (SSH_AUTH_SOCK is not set). Make a key with: ssh-keygen"
          + " -t ed25519, add ~/.ssh/id_ed25519.pub to your account on the Git server, or name your key in"
          + " ~/.ssh/config (IdentityFile). Check with: " + gitCommand, failure);
    }
    return new GitAccessException(GitAccessException.Reason.AUTHENTICATION_FAILED, host(url), tried,
        what + ": origin (" + url + ") refused the credentials. Tried: " + String.join(", ", tried) + ". Add your"
            + " public key to your account on the Git server, or name the key in ~/.ssh/config (IdentityFile)."
            + " Check with: " + gitCommand, failure);
  }

  private static GitAccessException hostKey(String what, String url, KnownHostsPolicy.Refusal refusal,
      Exception failure) {
    String entry = refusal.hostEntry();
    String scan = "ssh-keyscan" + (refusal.port() == 22 ? "" : " -p " + refusal.port()) + " " + refusal.host()
        + " >> ~/.ssh/known_hosts";
    if (refusal.changed()) {
      return new GitAccessException(GitAccessException.Reason.CHANGED_HOST_KEY, entry, List.of("~/.ssh/known_hosts"),
          what + ": the SSH host key of " + entry + " (" + refusal.fingerprint() + ") differs from the one in"
              + " ~/.ssh/known_hosts; hop refuses it (the server may have been reinstalled, or someone may be"
              + " intercepting the connection). Only if the server's administrator confirms the new key, replace it"
              + " with: ssh-keygen -R '" + entry + "' && " + scan, failure);
    }
    return new GitAccessException(GitAccessException.Reason.UNKNOWN_HOST_KEY, entry, List.of("~/.ssh/known_hosts"),
        what + ": the SSH host key of " + entry + " (" + refusal.fingerprint() + ") is unknown (not in"
            + " ~/.ssh/known_hosts) and hop never trusts a host silently. After checking the fingerprint with the"
            + " server's administrator, trust it with: " + scan, failure);
  }

  private static String host(String url) {
    String rest = url.replaceFirst("^[a-z+]+://", "");
    rest = rest.contains("@") ? rest.substring(rest.indexOf('@') + 1) : rest;
    int end = rest.indexOf('/');
    String host = end < 0 ? rest : rest.substring(0, end);
    return url.contains("://") ? host : host.replaceFirst(":.*$", "");
  }

  private static String chain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  /** A cause whose message has URL passwords removed, keeping the original stack trace. */
  private static final class RedactedCause extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedCause(Throwable original) {
      super(redact(original.getMessage() == null ? original.getClass().getSimpleName() : original.getMessage()));
      setStackTrace(original.getStackTrace());
    }
  }
}
