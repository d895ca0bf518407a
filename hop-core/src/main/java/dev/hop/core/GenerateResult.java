package dev.hop.core;

import java.time.Duration;

/**
 * What {@code generate} did.
 *
 * @param database the development database read
 * @param written files created or changed
 * @param unchanged files already as hop would write them
 * @param deleted classes of relations that no longer exist, without user code
 * @param kept classes of relations that no longer exist, kept for their user code
 */
public record GenerateResult(String database, int written, int unchanged, int deleted, int kept, Duration took) {
}
