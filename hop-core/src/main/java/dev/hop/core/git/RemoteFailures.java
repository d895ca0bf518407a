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
      + "|credentialsprovider|permission denied \\(publickey");

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
    if (AUTH_SIGNS.matcher(text).find()) {
      boolean ssh = !url.startsWith("http");
      List<String> tried = ssh ? workspace.access().sshSourcesConsulted() : workspace.access().httpsSourcesConsulted();
      String fix = ssh
          ? "Add your public key to your account on the Git server, or name the key in ~/.ssh/config (IdentityFile)"
          : "Set a <server> in settings.xml and -Dhop.gitServerId, a ~/.netrc entry, or " + GitEnvironment.USERNAME_VARIABLE
              + " and " + GitEnvironment.PASSWORD_VARIABLE + " (a token works as password)";
      return new GitAccessException(GitAccessException.Reason.AUTHENTICATION_FAILED, host(url), tried,
          what + ": origin (" + url + ") refused the credentials. Tried: " + String.join(", ", tried) + ". " + fix
              + ". Check with: " + gitCommand, failure);
    }
    return new GitOperationException(gitCommand, what + " (" + url + ")", new RedactedCause(failure));
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
