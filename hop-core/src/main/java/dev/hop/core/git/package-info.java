/**
 * hop's Git engine: the verbs of hop's Git model (branches, tags, the team lock, reservations, merges, pushes), each in
 * a small class working on a {@link dev.hop.core.git.GitWorkspace}. Git is read and written two ways: JGit for every
 * write and most reads, and Git's own programs for read-only fast paths when Git is on the PATH, each falling back to
 * JGit when Git is missing or cannot tell: {@link dev.hop.core.git.GitStatusProgram} ({@code git status}),
 * {@link dev.hop.core.git.GitCatFile} ({@code git cat-file --batch}), {@link dev.hop.core.git.GitWorkspace#headBranch}
 * ({@code .git/HEAD} read as a file) and {@link dev.hop.core.git.RemoteAccess} ({@code git-upload-pack} for an origin
 * on disk). No JGit type leaves this package ({@link dev.hop.core.git.GitId} names objects outside it). Imports
 * {@code base}, {@code errors} and {@code release}.
 */
package dev.hop.core.git;
