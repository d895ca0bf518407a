package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Tells who holds the team lock, from the tag {@code lock-ho-prod} as of the last fetch; changes nothing. */
public final class LockInspector {
  private final GitWorkspace workspace;

  public LockInspector(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /** The holder, e.g. {@code alice on build-7 (patch-add) since 2026-01-02T10:00:00Z, 12 min ago}; empty when free. */
  public Optional<String> holder(Instant now) throws GitOperationException {
    Optional<ObjectId> id = workspace.target(Refs.LOCK_TAG);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      RevObject object = walk.parseAny(id.get());
      if (object instanceof RevTag tag) {
        Instant taggedAt = tag.getTaggerIdent() == null ? Instant.EPOCH : tag.getTaggerIdent().getWhenAsInstant();
        return Optional.of(LockRecord.parse(tag.getFullMessage(), taggedAt).describe(now));
      }
      return Optional.of("unknown holder (lock-ho-prod is not an annotated tag)");
    } catch (IOException e) {
      throw new GitOperationException("git show lock-ho-prod", "Cannot read the lock tag", e);
    }
  }
}
