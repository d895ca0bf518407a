package dev.hop.core.base;

import java.util.Objects;

/**
 * One line hop has to say: core emits events, the caller (the Maven plugin) decides how to log them.
 *
 * @param level how much the user cares
 * @param message the text, never holding a password
 */
public record HopEvent(Level level, String message) {

  /** How much the user cares about an event. */
  public enum Level {
    /** The few lines a user reads: one per step, with its outcome. */
    LIFECYCLE,
    /** Something worth a warning: the goal goes on. */
    WARN,
    /** Detail for debugging. */
    DETAIL
  }

  public HopEvent {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }

  public static HopEvent lifecycle(String message) {
    return new HopEvent(Level.LIFECYCLE, message);
  }

  public static HopEvent warn(String message) {
    return new HopEvent(Level.WARN, message);
  }

  public static HopEvent detail(String message) {
    return new HopEvent(Level.DETAIL, message);
  }
}
