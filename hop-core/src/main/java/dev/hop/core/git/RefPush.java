package dev.hop.core.git;

import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One ref to move on origin: to a new object, or deleted; optionally only if origin still has the
 * expected old value (a lease; {@link ObjectId#zeroId()} means "only if it does not exist yet").
 *
 * @param remoteRef the full ref name on origin, e.g. {@code refs/heads/ho-prod}
 * @param newId the object to point it at; empty to delete it
 * @param expectedOld what origin must have now; empty for no check beyond fast-forward
 * @param force whether a non-fast-forward move is allowed
 */
public record RefPush(String remoteRef, Optional<ObjectId> newId, Optional<ObjectId> expectedOld, boolean force) {

  public RefPush {
    Objects.requireNonNull(remoteRef, "remoteRef");
    Objects.requireNonNull(newId, "newId");
    Objects.requireNonNull(expectedOld, "expectedOld");
  }

  /** Moves a branch to {@code id} by fast-forward (or creates it). */
  public static RefPush branch(String name, ObjectId id) {
    return new RefPush(Refs.branch(name), Optional.of(id), Optional.empty(), false);
  }

  /** Creates {@code ref} with {@code id}; origin refuses when it already exists. */
  public static RefPush create(String ref, ObjectId id) {
    return new RefPush(ref, Optional.of(id), Optional.of(ObjectId.zeroId()), false);
  }

  /** Moves {@code ref} from {@code expectedOld} to {@code id}; origin refuses when it moved meanwhile. */
  public static RefPush update(String ref, ObjectId expectedOld, ObjectId id) {
    return new RefPush(ref, Optional.of(id), Optional.of(expectedOld), true);
  }

  /** Deletes {@code ref} on origin, whatever it points at. */
  public static RefPush delete(String ref) {
    return new RefPush(ref, Optional.empty(), Optional.empty(), true);
  }

  /** Deletes {@code ref} on origin only if it still points at {@code expectedOld}. */
  public static RefPush delete(String ref, ObjectId expectedOld) {
    return new RefPush(ref, Optional.empty(), Optional.of(expectedOld), true);
  }

  /** How the ref reads in a git command line, e.g. {@code :refs/tags/lock-ho-prod} for a deletion. */
  String refspec() {
    return newId.map(id -> id.abbreviate(7).name() + ":" + remoteRef).orElse(":" + remoteRef);
  }
}
