/**
 * What every layer shares and the caller hands hop: the settings ({@link dev.hop.core.base.HopSettings} and its
 * parts, passwords as {@link dev.hop.core.base.Secret}), the sink of the events hop emits, how to spell the next
 * command in a message, and the spelling of durations and digests. Imports nothing of hop.
 */
package dev.hop.core.base;
