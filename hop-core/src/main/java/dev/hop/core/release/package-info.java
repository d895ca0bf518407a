/**
 * The release model, pure: versions, patch ids, release names and files, the rules of release-new, patch-add and
 * promote, the upgrade path, and the refusals they give; reading {@code releases/} is its only I/O. Imports
 * {@code base} and {@code errors}.
 */
package dev.hop.core.release;
