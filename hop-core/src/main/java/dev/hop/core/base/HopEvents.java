package dev.hop.core.base;

/** Receives the events a hop command emits. */
@FunctionalInterface
public interface HopEvents {

  /** A sink that drops everything. */
  HopEvents NONE = event -> { };

  void accept(HopEvent event);
}
