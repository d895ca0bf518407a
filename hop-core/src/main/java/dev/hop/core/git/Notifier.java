package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.HopException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Tells every patch branch on origin that ho-prod moved: an empty commit
 * {@code [ho] <version> promoted (MERGE REQUIRED)} on top of each {@code origin/ho-patch/*} as of the last
 * fetch, pushed without touching the user's branch or work tree; a branch that cannot be notified is a
 * warning, the others still are.
 */
public final class Notifier {
  private final GitWorkspace workspace;
  private final Clock clock;

  public Notifier(GitWorkspace workspace, Clock clock) {
    this.workspace = workspace;
    this.clock = clock;
  }

  /** The subject of the notification for {@code version}. */
  public static String subject(String version) {
    return Committer.subject(version + " promoted (MERGE REQUIRED)");
  }

  /**
   * Notifies the patch branches of origin; call {@link OriginSync#fetch()} first.
   *
   * @param version the promoted version, e.g. {@code 1.4.0-rc1}
   * @return the branches notified (short names); the others were reported as WARN events
   */
  public List<String> notifyPromotion(String version) throws HopException {
    Map<String, RefPush> pushes = new LinkedHashMap<>();
    PersonIdent me = Identity.of(workspace, clock);
    String body = "ho-prod is now at " + version + ". Merge it into this branch before going on with the patch:\n\n"
        + "    git switch <this branch> && git pull && git merge origin/ho-prod\n";
    try (ObjectInserter inserter = workspace.repository().newObjectInserter();
        RevWalk walk = new RevWalk(workspace.repository())) {
      for (Ref ref : workspace.repository().getRefDatabase().getRefsByPrefix(Refs.REMOTES_ORIGIN
          + Refs.PATCH_BRANCH_PREFIX)) {
        String branch = ref.getName().substring(Refs.REMOTES_ORIGIN.length());
        RevCommit tip = walk.parseCommit(ref.getObjectId());
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tip.getTree());
        commit.setParentId(tip);
        commit.setAuthor(me);
        commit.setCommitter(me);
        commit.setMessage(subject(version) + "\n\n" + body);
        ObjectId id = inserter.insert(commit);
        pushes.put(Constants.R_HEADS + branch, RefPush.update(Constants.R_HEADS + branch, tip, id));
      }
      inserter.flush();
    } catch (IOException e) {
      throw new GitOperationException("git commit --allow-empty (on each origin/ho-patch/*)",
          "Cannot prepare the notifications of " + version, e);
    }
    if (pushes.isEmpty()) {
      return List.of();
    }
    Pusher.Report report = new Pusher(workspace).push(new ArrayList<>(pushes.values()), false);
    List<String> notified = new ArrayList<>();
    for (String ref : pushes.keySet()) {
      String branch = ref.substring(Constants.R_HEADS.length());
      if (report.accepted().contains(ref)) {
        notified.add(branch);
      } else {
        workspace.events().accept(HopEvent.warn("Could not notify " + branch + " of " + version + ": origin answered "
            + report.rejected().get(ref) + ". Tell its owner to merge ho-prod: git merge origin/ho-prod"));
      }
    }
    workspace.events().accept(HopEvent.lifecycle("Notified " + notified.size() + " patch branch(es) of " + version));
    return notified;
  }
}
