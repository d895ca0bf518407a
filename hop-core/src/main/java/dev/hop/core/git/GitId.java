package dev.hop.core.git;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The id of a Git object (a commit, an annotated tag) as the layers above this package hold it between steps, so
 * that no JGit type leaves it.
 *
 * @param name the 40 hexadecimal digits
 */
public record GitId(String name) {

  public GitId {
    Objects.requireNonNull(name, "name");
    if (!ObjectId.isId(name)) {
      throw new IllegalArgumentException("Not a Git object id: " + name);
    }
  }

  static GitId of(ObjectId id) {
    return new GitId(id.name());
  }

  ObjectId objectId() {
    return ObjectId.fromString(name);
  }

  /** The first seven digits, as Git abbreviates ids in messages. */
  public String abbreviated() {
    return name.substring(0, 7);
  }

  @Override
  public String toString() {
    return name;
  }
}
