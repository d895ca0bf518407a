package dev.hop.core.workflow;

import dev.hop.core.errors.HopException;
import dev.hop.core.git.Branches;
import dev.hop.core.git.GitWorkspace;
import dev.hop.core.git.Notifier;
import dev.hop.core.git.OriginSync;
import dev.hop.core.git.Tags;
import dev.hop.core.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The last steps of a promotion: tag ho-prod's new commit, push ho-prod and the tag together, and notify the
 * patch branches on origin.
 */
final class Publication {
  private final Project project;
  private final String tag;
  private final String version;
  private final List<String> notified = new ArrayList<>();

  /**
   * @param tag the tag name, {@code v1.4.0-rc1}
   * @param version the promoted version as the notification names it, {@code 1.4.0-rc1}
   */
  Publication(Project project, String tag, String version) {
    this.project = project;
    this.tag = tag;
    this.version = version;
  }

  /** Tag, push and notify, as plan steps. */
  List<Step> steps() throws HopException {
    GitWorkspace git = project.git();
    Tags tags = new Tags(git, project.clock());
    Branches branches = new Branches(git);
    return List.of(
        Step.of("Tag " + tag, () -> tags.create(tag, branches.tip(Project.HO_PROD), "[ho] Release " + version),
            () -> tags.deleteLocally(tag)),
        Step.irreversible("Push ho-prod and " + tag + " to origin (atomic)",
            () -> branches.pushWithNewTag(Project.HO_PROD, tag)),
        Step.irreversible("Notify the patch branches of " + version, () -> {
          new OriginSync(git).fetch();
          notified.addAll(new Notifier(git, project.clock()).notifyPromotion(version));
        }));
  }

  /** The patch branches notified, once the steps ran. */
  List<String> notified() {
    return List.copyOf(notified);
  }
}
