package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Writes and reads annotated tags (all of hop's tags are annotated). */
public final class Tags {
  private final GitWorkspace workspace;
  private final Clock clock;

  public Tags(GitWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /** Writes an annotated tag object for {@code target} without creating any ref; returns the tag object's id. */
  ObjectId write(String name, ObjectId target, String message) throws GitOperationException {
    try (ObjectInserter inserter = workspace.repository().newObjectInserter(); RevWalk walk = new RevWalk(
        workspace.repository())) {
      RevObject object = walk.parseAny(target);
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(object);
      tag.setTagger(Identity.of(workspace, clock));
      tag.setMessage(message.endsWith("\n") ? message : message + "\n");
      ObjectId id = inserter.insert(tag);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw new GitOperationException("git tag -a " + name + " -m '...' " + target.name(), "Cannot write tag " + name, e);
    }
  }

  /** The commit the tag {@code name} marks; empty when there is no such tag. */
  public Optional<GitId> commit(String name) throws GitOperationException {
    return workspace.resolve(Refs.tag(name)).map(GitId::of);
  }

  /**
   * Creates the annotated tag {@code name} on {@code target} locally; returns the tag object's id.
   *
   * @throws RepositoryStateException REF_EXISTS when the tag exists
   */
  public GitId create(String name, GitId target, String message)
      throws RepositoryStateException, GitOperationException {
    ObjectId tag = write(name, target.objectId(), message);
    setRef(Refs.tag(name), tag);
    return GitId.of(tag);
  }

  /** Points local ref {@code ref} at {@code id}, refusing to replace an existing one. */
  void setRef(String ref, ObjectId id) throws RepositoryStateException, GitOperationException {
    try {
      RefUpdate update = workspace.repository().updateRef(ref);
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(ObjectId.zeroId());
      RefUpdate.Result result = update.update();
      if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED) {
        throw new RepositoryStateException(RepositoryStateException.Reason.REF_EXISTS, ref, List.of(),
            "Tag " + shortName(ref) + " already exists. See it with: git show " + shortName(ref));
      }
      if (result != RefUpdate.Result.NEW) {
        throw new IOException("ref update answered " + result);
      }
    } catch (IOException e) {
      throw new GitOperationException("git update-ref " + ref + " " + id.name(), "Cannot create " + ref, e);
    }
  }

  /** Deletes local tag {@code name}; does nothing when absent. */
  public void deleteLocally(String name) throws GitOperationException {
    deleteRef(Refs.tag(name));
  }

  /** Deletes local ref {@code ref} (full name); does nothing when absent. */
  void deleteRef(String ref) throws GitOperationException {
    String name = ref;
    try {
      RefUpdate update = workspace.repository().updateRef(ref);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.delete();
      if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE && result != RefUpdate.Result.NEW) {
        throw new IOException("ref delete answered " + result);
      }
    } catch (IOException e) {
      throw new GitOperationException("git update-ref -d " + name, "Cannot delete " + name, e);
    }
  }

  /** The message of local annotated tag {@code name}; empty when the tag does not exist or is lightweight. */
  public Optional<String> message(String name) throws GitOperationException {
    Optional<ObjectId> id = workspace.target(Refs.tag(name));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      RevObject object = walk.parseAny(id.get());
      return object instanceof RevTag tag ? Optional.of(tag.getFullMessage()) : Optional.empty();
    } catch (IOException e) {
      throw new GitOperationException("git tag -n99 -l " + name, "Cannot read tag " + name, e);
    }
  }

  private static String shortName(String ref) {
    return Repository.shortenRefName(ref);
  }
}
