package dev.hop.core.errors;

import java.util.List;
import java.util.Optional;

/**
 * Refuses a goal that the state of {@code releases/} does not allow (no stage, an active RC, an empty
 * stage...), carrying the blocking facts and naming the command to run next. The release model builds it
 * ({@code dev.hop.core.release.ReleaseRefusals}), so the facts are carried as the user reads them.
 */
public final class ReleaseStateException extends HopUserException {
  private static final long serialVersionUID = 1L;

  /** Why the release state refuses the goal. */
  public enum Reason {
    /** release-new, patch-add or promote rc: there is no stage release. */
    NO_STAGE,
    /** release-new: the next version at that level already has a release file. */
    STAGE_EXISTS,
    /** patch-add: several stages exist and toVersion was not given. */
    SEVERAL_STAGES,
    /** patch-add: toVersion names no stage. */
    UNKNOWN_STAGE,
    /** patch-add, promote rc, patch-apply: the patch is already listed by a release. */
    PATCH_ALREADY_IN_RELEASE,
    /**
     * promote rc: another version has an RC that is not in production yet; release-new: the new
     * version is below a version whose RC is not in production yet.
     */
    ACTIVE_RC_EXISTS,
    /** promote rc: the stage lists no patch. */
    STAGE_EMPTY,
    /** promote prod: no RC waits for production. */
    NO_ACTIVE_RC,
    /** promote prod: the stage lists patches that are in no RC yet. */
    STAGE_NOT_EMPTY,
    /** upgrade: the requested release has no production file. */
    NOT_A_PRODUCTION_RELEASE,
    /** upgrade: the requested release is older than the database. */
    DOWNGRADE
  }

  private final Reason reason;
  private final Optional<String> version;
  private final Optional<String> release;
  private final List<String> patches;
  private final List<String> versions;

  /**
   * @param version the version the refusal is about, e.g. {@code 1.4.0}
   * @param release the release file that blocks the goal, e.g. {@code 1.4.0-rc1}
   * @param patches the patch ids concerned
   * @param versions the versions to choose from, or the database's version for {@link Reason#DOWNGRADE}
   */
  public ReleaseStateException(Reason reason, String message, Optional<String> version, Optional<String> release,
      List<String> patches, List<String> versions) {
    super(message);
    this.reason = reason;
    this.version = version;
    this.release = release;
    this.patches = List.copyOf(patches);
    this.versions = List.copyOf(versions);
  }

  public Reason reason() {
    return reason;
  }

  /** The version the refusal is about (the stage, the RC's version, the requested release). */
  public Optional<String> version() {
    return version;
  }

  /** The release file that blocks the goal (the existing release, the active RC, the non-empty stage...). */
  public Optional<String> release() {
    return release;
  }

  /** The patches concerned: the id being added, or the stage's patches not in an RC yet. */
  public List<String> patches() {
    return patches;
  }

  /** The versions to choose from (stages, production releases), or the database's version for DOWNGRADE. */
  public List<String> versions() {
    return versions;
  }
}
