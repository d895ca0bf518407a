package dev.hop.core.git;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.TeamRefusalException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The team lock on ho-prod: held while the annotated tag {@code lock-ho-prod} that this caller
 * pushed exists on origin; taken with {@link #acquire} in a try-with-resources so that it is released on
 * every path.
 */
public final class TeamLock implements AutoCloseable {
  /** How old a lock must be before the next caller may break it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
  private static final int ATTEMPTS = 3;

  private final GitWorkspace workspace;
  private final Clock clock;
  private final LockRecord record;
  private final ObjectId tag;
  private boolean released;

  private TeamLock(GitWorkspace workspace, Clock clock, LockRecord record, ObjectId tag) {
    this.workspace = workspace;
    this.clock = clock;
    this.record = record;
    this.tag = tag;
  }

  /**
   * Takes the lock for {@code goal}, breaking it (with a warning) when its holder took it more than {@code timeout}
   * ago, or took it on this machine from a process that no longer runs (a run that was killed).
   *
   * @param owner this machine and process, for the record
   * @param hints how to spell the command that breaks a lock at once, in the refusal
   * @throws TeamRefusalException LOCK_HELD naming the holder, the lock's age and the way out
   */
  public static TeamLock acquire(GitWorkspace workspace, String goal, LockOwner owner, Duration timeout, Clock clock,
      CommandHints hints) throws HopException {
    Tags tags = new Tags(workspace, clock);
    Pusher pusher = new Pusher(workspace);
    String user = workspace.repository().getConfig().get(UserConfig.KEY).getCommitterName();
    LockRecord mine = new LockRecord(user, owner.host(), goal, clock.instant(), owner.pid());
    ObjectId head = workspace.resolve(Constants.HEAD).orElseThrow();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      ObjectId tag = tags.write(Refs.LOCK_TAG_NAME, head, mine.message());
      if (pusher.push(List.of(RefPush.create(Refs.LOCK_TAG, tag)), false).allAccepted()) {
        tags.deleteRef(Refs.LOCK_TAG);
        tags.setRef(Refs.LOCK_TAG, tag);
        workspace.events().accept(HopEvent.lifecycle("Locked ho-prod for " + goal + " (tag lock-ho-prod pushed)"));
        return new TeamLock(workspace, clock, mine, tag);
      }
      Optional<ObjectId> theirs = new OriginSync(workspace).fetchRef(Refs.LOCK_TAG);
      if (theirs.isEmpty()) {
        continue;
      }
      LockRecord holder = read(workspace, theirs.get());
      Instant now = clock.instant();
      if (owner.outlived(holder)) {
        workspace.events().accept(HopEvent.warn("Breaking the lock on ho-prod held by " + holder.describe(now)
            + ": that process no longer runs on this machine (a run that was killed leaves its lock behind)"));
      } else if (holder.ageAt(now).compareTo(timeout) <= 0) {
        throw new TeamRefusalException(TeamRefusalException.Reason.LOCK_HELD, Refs.LOCK_TAG, holder.user(),
            "ho-prod is locked by " + holder.describe(now) + ": one team goal at a time changes ho-prod. Wait for"
                + " it to finish and run " + goal + " again; a lock older than " + timeout.toMinutes() + " min is"
                + " broken by the next caller. If you know that run is dead (killed, its machine gone), break the lock"
                + " now with: " + hints.command(goal, "hop.lockTimeout", "0") + " (only then: two goals changing"
                + " ho-prod at once could interleave their commits and pushes). See the lock with: git fetch origin"
                + " tag lock-ho-prod && git show lock-ho-prod");
      } else {
        workspace.events().accept(HopEvent.warn("Breaking the stale lock on ho-prod held by " + holder.describe(now)
            + " (older than " + timeout.toMinutes() + " min)"));
      }
      pusher.push(List.of(RefPush.delete(Refs.LOCK_TAG, theirs.get())), false);
    }
    throw new TeamRefusalException(TeamRefusalException.Reason.LOCK_HELD, Refs.LOCK_TAG, "",
        "Could not take the lock on ho-prod after " + ATTEMPTS + " attempts: other team goals keep taking it."
            + " Run " + goal + " again in a moment");
  }

  /** Who holds this lock (this caller). */
  public LockRecord record() {
    return record;
  }

  /**
   * Pushes {@code refs} and releases the lock in one atomic push: origin takes them all and deletes
   * {@code lock-ho-prod}, or, when the lock is no longer this run's (someone broke it as stale), takes none of them.
   *
   * @throws TeamRefusalException LOCK_HELD when the lock was broken, PUSH_REJECTED when origin refused another ref;
   *     nothing was pushed, and the lock is still to be released
   */
  public void pushAndRelease(List<RefPush> refs) throws HopException {
    List<RefPush> all = new ArrayList<>(refs);
    all.add(RefPush.delete(Refs.LOCK_TAG, tag));
    try {
      new Pusher(workspace).pushAtomic(all);
    } catch (TeamRefusalException e) {
      if (!Refs.LOCK_TAG.equals(e.ref())) {
        throw e;
      }
      throw new TeamRefusalException(TeamRefusalException.Reason.LOCK_HELD, Refs.LOCK_TAG, "", "The lock on ho-prod"
          + " is no longer this run's: someone broke it as stale while " + record.goal() + " ran, so nothing was"
          + " pushed (" + refs.stream().map(RefPush::remoteRef).collect(Collectors.joining(", ")) + "). See who holds"
          + " it with: git fetch origin tag lock-ho-prod && git show lock-ho-prod; run " + record.goal()
          + " again once it is free");
    }
    released = true;
    new Tags(workspace, clock).deleteRef(Refs.LOCK_TAG);
    workspace.events().accept(HopEvent.detail("Released the lock on ho-prod"));
  }

  /**
   * Releases the lock: deletes {@code lock-ho-prod} on origin (only if it is still this lock's tag) and
   * locally. Safe to call more than once, and after {@link #pushAndRelease}.
   */
  @Override
  public void close() throws HopException {
    if (released) {
      return;
    }
    released = true;
    try {
      Pusher.Report report = new Pusher(workspace).push(List.of(RefPush.delete(Refs.LOCK_TAG, tag)), false);
      if (!report.allAccepted()) {
        workspace.events().accept(HopEvent.warn("The lock on ho-prod was no longer this run's (someone broke it"
            + " as stale): left origin's lock-ho-prod as it is (" + report.rejected().get(Refs.LOCK_TAG) + ")"));
      } else {
        workspace.events().accept(HopEvent.detail("Released the lock on ho-prod"));
      }
    } finally {
      new Tags(workspace, clock).deleteRef(Refs.LOCK_TAG);
    }
  }

  private static LockRecord read(GitWorkspace workspace, ObjectId id) throws HopException {
    try (RevWalk walk = new RevWalk(workspace.repository())) {
      RevObject object = walk.parseAny(id);
      if (object instanceof RevTag tag) {
        Instant taggedAt = tag.getTaggerIdent() == null ? Instant.EPOCH : tag.getTaggerIdent().getWhenAsInstant();
        return LockRecord.parse(tag.getFullMessage(), taggedAt);
      }
      return LockRecord.parse("", Instant.EPOCH);
    } catch (IOException e) {
      throw new GitOperationException("git show lock-ho-prod", "Cannot read the lock tag", e);
    }
  }
}
