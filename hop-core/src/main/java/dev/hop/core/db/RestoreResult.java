package dev.hop.core.db;

import java.time.Duration;

/**
 * What restoring a development database to the production state did.
 *
 * @param database the development database, now at the production state
 * @param template the template database it was cloned from
 * @param templateReused true when the template was already built from the same files
 * @param took the wall time
 */
public record RestoreResult(String database, String template, boolean templateReused, Duration took) {
}
