/**
 * Every exception hop throws: {@link dev.hop.core.errors.HopException} and its two families,
 * {@link dev.hop.core.errors.HopUserException} (the user can fix it: the message says how) and
 * {@link dev.hop.core.errors.HopEnvironmentException} (Git, PostgreSQL, the file system or a tool failed). Each
 * carries the offending values as fields, as text when they belong to a higher layer. Imports {@code base} only.
 */
package dev.hop.core.errors;
