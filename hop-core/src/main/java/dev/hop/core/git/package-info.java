/**
 * hop's Git engine (internal): the verbs of hop's Git model (SPEC §3) over JGit, each in a small class working on a
 * {@link dev.hop.core.git.GitWorkspace}; failures are the public {@code dev.hop.core} families
 * {@code RepositoryStateException}, {@code TeamRefusalException}, {@code GitAccessException} and
 * {@code GitOperationException}. Nothing here runs the {@code git} command line.
 */
package dev.hop.core.git;
