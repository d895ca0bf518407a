package dev.hop.core.git;

import dev.hop.core.base.CommandHints;
import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.TeamRefusalException;
import dev.hop.core.release.PatchId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reserves a patch number for the team by pushing the annotated tag {@code ho-patch/<number>}: origin
 * accepts the first push only, so two patches never share a number.
 */
public final class PatchReservation {
  private static final int ATTEMPTS = 3;
  private static final Pattern PATCH_LINE = Pattern.compile("(?m)^patch: (\\S+)$");

  private final GitWorkspace workspace;
  private final Clock clock;
  private final CommandHints hints;

  public PatchReservation(GitWorkspace workspace, Clock clock, CommandHints hints) {
    this.workspace = workspace;
    this.clock = clock;
    this.hints = hints;
  }

  /** The tag that reserves the number of {@code id}, e.g. {@code ho-patch/12}. */
  public static String tagName(PatchId id) {
    return Refs.PATCH_BRANCH_PREFIX + id.number();
  }

  /**
   * Pushes the reservation tag of {@code id}'s number on the current HEAD commit, and keeps it locally.
   *
   * @return the tag object's id (to undo with {@link #cancel})
   * @throws TeamRefusalException NUMBER_RESERVED when the tag exists locally or on origin, naming the patch
   *     that reserved it
   */
  public GitId reserve(PatchId id) throws HopException {
    String ref = Constants.R_TAGS + tagName(id);
    Tags tags = new Tags(workspace, clock);
    Optional<String> local = tags.message(tagName(id));
    if (local.isPresent()) {
      throw reserved(id, ref, holder(local.get()), "locally");
    }
    ObjectId head = workspace.resolve(Constants.R_HEADS + workspace.currentBranch()).orElseThrow();
    ObjectId tag = tags.write(tagName(id), head, Committer.subject("Reserve patch number " + id.number() + " for "
        + id) + "\n\npatch: " + id + "\n");
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (new Pusher(workspace).push(List.of(RefPush.create(ref, tag)), false).allAccepted()) {
        tags.setRef(ref, tag);
        workspace.events().accept(HopEvent.lifecycle("Reserved patch number " + id.number() + " for " + id
            + " (tag " + tagName(id) + " pushed)"));
        return GitId.of(tag);
      }
      // rejected: either the tag exists, or origin was busy writing it for someone else (then look again)
      if (new OriginSync(workspace).fetchRef(ref).isPresent()) {
        throw reserved(id, ref, tags.message(tagName(id)).map(PatchReservation::holder).orElse(""), "on origin");
      }
    }
    throw new TeamRefusalException(TeamRefusalException.Reason.PUSH_REJECTED, ref, "", "Origin refused the"
        + " reservation tag " + tagName(id) + " " + ATTEMPTS + " times without holding it. Try again; see what origin"
        + " has with: git ls-remote --tags origin 'ho-patch/*'");
  }

  /**
   * Refuses when the number of {@code id} is reserved as far as this repository knows (its tags mirror
   * origin's after a fetch), before anything is pushed.
   *
   * @throws TeamRefusalException NUMBER_RESERVED naming the patch that reserved it
   */
  public void requireFree(PatchId id) throws HopException {
    Optional<String> local = new Tags(workspace, clock).message(tagName(id));
    if (local.isPresent()) {
      throw reserved(id, Constants.R_TAGS + tagName(id), holder(local.get()), "on origin");
    }
  }

  /** Undoes {@link #reserve}: deletes the tag on origin (only if it is still {@code tag}) and locally. */
  public void cancel(PatchId id, GitId tag) throws HopException {
    String ref = Constants.R_TAGS + tagName(id);
    Pusher.Report report = new Pusher(workspace).push(List.of(RefPush.delete(ref, tag.objectId())), false);
    if (!report.allAccepted()) {
      workspace.events().accept(HopEvent.warn("Could not remove the reservation " + tagName(id) + " from origin ("
          + report.rejected().get(ref) + "). Remove it by hand with: git push origin :" + ref));
    }
    new Tags(workspace, clock).deleteRef(ref);
  }

  private TeamRefusalException reserved(PatchId id, String ref, String holder, String where) {
    String by = holder.isEmpty() ? "another patch" : "patch " + holder;
    String same = holder.equals(id.value()) ? " It is this very patch: continue on its branch with: git switch "
        + Refs.PATCH_BRANCH_PREFIX + id + "." : "";
    return new TeamRefusalException(TeamRefusalException.Reason.NUMBER_RESERVED, ref, holder, "Patch number "
        + id.number() + " is already reserved by " + by + " (tag " + tagName(id) + " exists " + where + ")." + same
        + " Choose another number; the numbers in use are listed by: git ls-remote --tags origin 'ho-patch/*'. Then run: "
        + hints.command("patch-new", "id", "<number>-<words>"));
  }

  static String holder(String message) {
    Matcher m = PATCH_LINE.matcher(message);
    return m.find() ? m.group(1) : "";
  }
}
