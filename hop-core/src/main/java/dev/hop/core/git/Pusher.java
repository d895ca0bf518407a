package dev.hop.core.git;

import dev.hop.core.base.HopEvent;
import dev.hop.core.errors.HopException;
import dev.hop.core.errors.TeamRefusalException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * Moves refs on origin, either all together (atomic: origin takes every ref or none) or independently, and
 * reads each ref's outcome (JGit's push does not throw on a rejected ref).
 */
public final class Pusher {
  private final GitWorkspace workspace;

  public Pusher(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /**
   * What origin did with each ref, keyed by remote ref name in push order.
   *
   * @param rejected the refs origin refused, with its reason (e.g. {@code REJECTED_NONFASTFORWARD})
   * @param messages what origin's side said (its hooks' output), empty when nothing
   */
  public record Report(List<String> accepted, Map<String, String> rejected, String messages) {
    public Report {
      accepted = List.copyOf(accepted);
      rejected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
      messages = messages == null ? "" : messages.strip();
    }

    public boolean allAccepted() {
      return rejected.isEmpty();
    }
  }

  /**
   * Pushes {@code refs} in one atomic transaction: origin moves all of them or none.
   *
   * @throws TeamRefusalException PUSH_REJECTED naming the ref(s) origin refused (nothing moved)
   */
  public void pushAtomic(List<RefPush> refs) throws HopException {
    Report report = push(refs, true);
    if (!report.allAccepted()) {
      Map<String, String> causesFirst = new LinkedHashMap<>();
      report.rejected().forEach((ref, why) -> {
        if (!why.startsWith(RemoteRefUpdate.Status.REJECTED_OTHER_REASON.name())) {
          causesFirst.put(ref, why);
        }
      });
      causesFirst.putAll(report.rejected());
      String first = causesFirst.keySet().iterator().next();
      if (report.rejected().values().stream().anyMatch(why -> why.contains("hook"))) {
        throw new TeamRefusalException(TeamRefusalException.Reason.PUSH_REJECTED, first, "",
            "Origin's hook refused the push of " + refs.stream().map(RefPush::remoteRef).collect(Collectors.joining(
                ", ")) + (report.messages().isEmpty() ? "" : ": " + report.messages().replace('\n', ' ')) + " ["
                + describe(causesFirst) + "]. Nothing was pushed (the push is atomic). The hook is origin's rule: see"
                + " with whoever runs origin what it allows, then run the goal again");
      }
      throw new TeamRefusalException(TeamRefusalException.Reason.PUSH_REJECTED, first, "",
          "Origin rejected " + describe(causesFirst) + ", so nothing was pushed (the push of "
              + refs.stream().map(RefPush::remoteRef).collect(Collectors.joining(", ")) + " is atomic). Bring your"
              + " branch up to date with: git fetch origin && git status, then run the step again");
    }
  }

  /**
   * Pushes {@code refs}, atomically or not, and reports each ref's outcome; throws only when origin cannot
   * be reached or refuses access.
   */
  public Report push(List<RefPush> refs, boolean atomic) throws HopException {
    String command = "git push" + (atomic ? " --atomic" : "") + " origin "
        + refs.stream().map(RefPush::refspec).collect(Collectors.joining(" "));
    workspace.requireOrigin();
    try (Transport transport = workspace.openOrigin()) {
      transport.setPushAtomic(atomic);
      List<RemoteRefUpdate> updates = new ArrayList<>();
      for (RefPush ref : refs) {
        updates.add(update(ref));
      }
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
      List<String> accepted = new ArrayList<>();
      Map<String, String> rejected = new LinkedHashMap<>();
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        RemoteRefUpdate.Status status = update.getStatus();
        if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
          accepted.add(update.getRemoteName());
        } else {
          rejected.put(update.getRemoteName(), status + (update.getMessage() == null ? "" : " (" + update.getMessage()
              + ")"));
        }
      }
      workspace.events().accept(HopEvent.detail(command + ": " + (rejected.isEmpty() ? "accepted" : "rejected "
          + rejected)));
      return new Report(accepted, rejected, result.getMessages());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw RemoteFailures.translate(workspace, command, "Cannot push to origin", e);
    }
  }

  private RemoteRefUpdate update(RefPush ref) throws IOException {
    String tracking = ref.remoteRef().startsWith(Constants.R_HEADS)
        ? Refs.REMOTES_ORIGIN + ref.remoteRef().substring(Constants.R_HEADS.length()) : null;
    ObjectId newId = ref.newId().orElse(ObjectId.zeroId());
    return new RemoteRefUpdate(workspace.repository(), (String) null, newId, ref.remoteRef(), ref.force(), tracking,
        ref.expectedOld().orElse(null));
  }

  private static String describe(Map<String, String> rejected) {
    return rejected.entrySet().stream().map(e -> e.getKey() + " [" + e.getValue() + "]")
        .collect(Collectors.joining(", "));
  }
}
