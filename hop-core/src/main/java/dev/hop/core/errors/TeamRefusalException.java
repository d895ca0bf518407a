package dev.hop.core.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * Refuses a step because origin, shared by the team, already holds what the step wanted: a patch number
 * reserved by another patch, the team lock held by someone else, or a ref that origin rejected.
 */
public final class TeamRefusalException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** What origin already holds. */
  public enum Reason {
    /** The tag {@code ho-patch/<number>} exists: another patch reserved the number. */
    NUMBER_RESERVED,
    /** The tag {@code lock-ho-prod} exists and is not stale. */
    LOCK_HELD,
    /** Origin rejected a pushed ref (not a fast-forward, changed since the last fetch, refused by a hook). */
    PUSH_REJECTED
  }

  private final Reason reason;
  private final String ref;
  private final String holder;

  /**
   * @param ref the ref concerned, e.g. {@code refs/tags/ho-patch/12}
   * @param holder who holds it: the reserving patch id or the lock holder; empty when unknown
   */
  public TeamRefusalException(Reason reason, String ref, String holder, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.ref = Objects.requireNonNull(ref, "ref");
    this.holder = holder == null ? "" : holder;
  }

  public Reason reason() {
    return reason;
  }

  public String ref() {
    return ref;
  }

  /** The patch id that reserved the number, or the lock's holder; empty when unknown. */
  public Optional<String> holder() {
    return holder.isEmpty() ? Optional.empty() : Optional.of(holder);
  }
}
