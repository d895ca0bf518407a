package dev.hop.core.workflow;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import dev.hop.core.base.HopSettings;
import dev.hop.core.db.DatabaseTarget;
import dev.hop.core.db.TemplateRestorer.CopyAhead;
import dev.hop.core.db.TemplateRestorer;
import dev.hop.core.errors.HopException;
import java.util.Optional;

/**
 * patch-apply's restore, begun ahead: the production template is copied on a thread of its own
 * ({@link TemplateRestorer#copyAhead}) while the goal checks its preconditions and reads Git, and the restore then
 * only renames the copy into place. Only when the server's URL is configured (the embedded server is never started
 * before the goal's checks) and the template is current. A copy that could not be made leaves the restore to copy
 * the template itself, and to report what failed; a copy the goal did not take, because it failed first, is dropped
 * when it closes, so the server is left as it was.
 */
public final class RestoreAhead implements AutoCloseable {
  private final HopEvents events;
  private final Optional<TemplateRestorer> restorer;
  private final Background<Optional<CopyAhead>> copy;
  private boolean taken;

  private RestoreAhead(HopEvents events, Optional<TemplateRestorer> restorer, Background<Optional<CopyAhead>> copy) {
    this.events = events;
    this.restorer = restorer;
    this.copy = copy;
  }

  /**
   * Starts copying the template of {@code project}'s production state for its development database.
   *
   * @param next the command the user runs again after a failure, for the restorer's messages
   */
  public static RestoreAhead start(Project project, String next) {
    HopSettings settings = project.settings();
    Optional<DatabaseTarget> development = settings.jdbcUrl()
        .map(url -> new DatabaseTarget(url, settings.user(), settings.password()));
    Optional<TemplateRestorer> restorer = development
        .map(target -> TemplateRestorer.on(target, settings.hints(), project.events(), next));
    return new RestoreAhead(project.events(), restorer, Background.start("hop-restore-ahead", () -> {
      if (development.isEmpty()) {
        return Optional.empty();
      }
      ProductionState production = ProductionState.read(project.modelDir());
      return restorer.get().copyAhead(development.get(), production.version(), production.schema(),
          production.metadata());
    }));
  }

  /** Waits for the copy and hands it over to the restore, which owns it from then on; empty when none was made. */
  public Optional<CopyAhead> take() {
    taken = true;
    return result();
  }

  /** Waits for the copy and drops it unless it was taken. */
  @Override
  public void close() {
    copy.join();
    if (!taken) {
      result().ifPresent(left -> restorer.orElseThrow().discard(left));
    }
  }

  private Optional<CopyAhead> result() {
    try {
      return copy.await();
    } catch (HopException | RuntimeException e) {
      events.accept(HopEvent.detail("No copy of the template made ahead: " + e.getMessage()));
      return Optional.empty();
    }
  }
}
