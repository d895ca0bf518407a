/**
 * A goal's changes as named steps, run in order with one log line each and undone newest first when one fails.
 * Imports {@code base} and {@code errors}.
 */
package dev.hop.core.plan;
