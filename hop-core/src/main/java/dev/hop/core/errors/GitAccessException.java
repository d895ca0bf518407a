package dev.hop.core.errors;

import java.util.List;
import java.util.Objects;

/**
 * Refuses to talk to origin because hop cannot trust it or be trusted by it (unknown or changed SSH host
 * key, rejected key or password, no credentials): the message names the host, the credential sources
 * tried (never their values) and how to fix it.
 */
public final class GitAccessException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why origin could not be reached safely. */
  public enum Reason {
    /** The SSH host key is not in known_hosts. */
    UNKNOWN_HOST_KEY,
    /** The SSH host key differs from the one in known_hosts. */
    CHANGED_HOST_KEY,
    /** Origin refused the credentials offered (SSH keys, or username and password). */
    AUTHENTICATION_FAILED,
    /** An SSH key is protected by a passphrase, which hop never asks for, and no agent holds it. */
    KEY_LOCKED,
    /** An SSH key cannot be loaded by hop's SSH client (damaged, or of a kind it does not read). */
    KEY_UNUSABLE,
    /** hop had no SSH key to offer: none in ~/.ssh, no agent. */
    NO_CREDENTIALS
  }

  private final Reason reason;
  private final String host;
  private final List<String> sourcesTried;

  public GitAccessException(Reason reason, String host, List<String> sourcesTried, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.host = Objects.requireNonNull(host, "host");
    this.sourcesTried = List.copyOf(sourcesTried);
  }

  public Reason reason() {
    return reason;
  }

  /** The remote host, with its port when not the default. */
  public String host() {
    return host;
  }

  /** The credential sources that were tried, e.g. {@code settings.xml server 'git'}, {@code ~/.netrc}. */
  public List<String> sourcesTried() {
    return sourcesTried;
  }
}
