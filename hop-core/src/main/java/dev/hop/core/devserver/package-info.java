/**
 * The embedded development server: one PostgreSQL per project, unpacked from the binaries the caller resolved,
 * started detached and protected by a generated password. Imports {@code base} and {@code errors}.
 */
package dev.hop.core.devserver;
