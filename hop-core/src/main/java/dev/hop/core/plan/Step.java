package dev.hop.core.plan;

import dev.hop.core.errors.HopException;
import java.util.Objects;

/**
 * One named change of a goal, with the action that makes it and, when it can be taken back, the action
 * that undoes it.
 *
 * @param description what the step does, as a user reads it ("Push ho-prod and tag v1.4.0 to origin")
 * @param action makes the change
 * @param undo takes the change back after a later step failed; {@link #IRREVERSIBLE} when it cannot
 */
public record Step(String description, Action action, Action undo) {

  /** Something a step does. */
  @FunctionalInterface
  public interface Action {
    void run() throws HopException;
  }

  /** The undo of a step that cannot be taken back (a push others may have fetched, a sent message). */
  public static final Action IRREVERSIBLE = () -> { };

  public Step {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(undo, "undo");
  }

  /** A step that can be undone. */
  public static Step of(String description, Action action, Action undo) {
    return new Step(description, action, undo);
  }

  /** A step whose change stays once made. */
  public static Step irreversible(String description, Action action) {
    return new Step(description, action, IRREVERSIBLE);
  }

  public boolean reversible() {
    return undo != IRREVERSIBLE;
  }
}
