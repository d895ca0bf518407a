package dev.hop.maven;

import dev.hop.core.base.HopEvent;
import dev.hop.core.base.HopEvents;
import org.apache.maven.plugin.logging.Log;

/** Writes hop-core's events to Maven's log: lifecycle as info, warnings as warn, detail as debug. */
final class MavenEventSink implements HopEvents {
  private final Log log;

  MavenEventSink(Log log) {
    this.log = log;
  }

  @Override
  public void accept(HopEvent event) {
    switch (event.level()) {
      case LIFECYCLE -> log.info(event.message());
      case WARN -> log.warn(event.message());
      case DETAIL -> log.debug(event.message());
    }
  }
}
