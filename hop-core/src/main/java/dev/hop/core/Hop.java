package dev.hop.core;

import java.util.Objects;

/**
 * The entry point of hop-core: holds the project's settings and event sink, and hands out one
 * single-use command object per goal.
 */
public final class Hop implements AutoCloseable {
  private final HopSettings settings;
  private final HopEvents events;

  private Hop(HopSettings settings, HopEvents events) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Opens hop on a project; nothing is read or connected until a command runs. */
  public static Hop open(HopSettings settings, HopEvents events) {
    return new Hop(settings, events);
  }

  public HopSettings settings() {
    return settings;
  }

  public HopEvents events() {
    return events;
  }

  /** {@code hop:status}: the state of the project's releases. */
  public StatusCommand status() {
    return new StatusCommand(settings);
  }

  @Override
  public void close() {
    // Commands open and close what they use; later engines may keep connections here.
  }
}
