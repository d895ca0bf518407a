package dev.hop.core.git;

import dev.hop.core.base.HopEvents;
import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Transport;

/**
 * An open project repository with the way to reach its {@code origin}: the handle every Git verb of hop
 * works on.
 */
public final class GitWorkspace implements AutoCloseable {

  /** The one remote hop works with. */
  public static final String ORIGIN = "origin";

  private final Git git;
  private final RemoteAccess access;
  private final HopEvents events;
  private final Optional<CiBranch> ciBranch;
  /** Why a detached HEAD could not be attached to the CI's branch, for the refusal; empty when it was not tried. */
  private String detachedBecause = "";

  private GitWorkspace(Git git, RemoteAccess access, HopEvents events, Optional<CiBranch> ciBranch) {
    this.git = git;
    this.access = Objects.requireNonNull(access, "access");
    this.events = Objects.requireNonNull(events, "events");
    this.ciBranch = Objects.requireNonNull(ciBranch, "ciBranch");
  }

  /**
   * Opens the repository whose work tree is {@code dir}.
   *
   * @throws RepositoryStateException when {@code dir} is not the top of a Git work tree
   */
  public static GitWorkspace open(Path dir, RemoteAccess access, HopEvents events)
      throws RepositoryStateException, GitOperationException {
    return open(dir, access, events, Optional.empty());
  }

  /**
   * Opens the repository whose work tree is {@code dir}; when its HEAD is detached (as CI checks out) at the commit
   * origin has for {@code ciBranch}, attaches HEAD to that branch first ({@link DetachedHead}), so that every goal works
   * as on the branch, and commits on it.
   *
   * @throws RepositoryStateException when {@code dir} is not the top of a Git work tree
   */
  public static GitWorkspace open(Path dir, RemoteAccess access, HopEvents events, Optional<CiBranch> ciBranch)
      throws RepositoryStateException, GitOperationException {
    try {
      Repository repository = new FileRepositoryBuilder().setWorkTree(dir.toFile())
          .setGitDir(dir.resolve(Constants.DOT_GIT).toFile()).setMustExist(true).build();
      GitWorkspace workspace = new GitWorkspace(new Git(repository, true), access, events, ciBranch);
      if (ciBranch.isPresent()) {
        try {
          workspace.detachedBecause = DetachedHead.attach(workspace, ciBranch.get());
        } catch (GitOperationException | RuntimeException e) {
          workspace.close();
          throw e;
        }
      }
      return workspace;
    } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
      throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, "", List.of(),
          "Not a Git repository: " + dir + " has no .git folder. Clone the project first, or run: git init");
    } catch (IOException e) {
      throw new GitOperationException("git -C " + dir + " status", "Cannot open the Git repository in " + dir, e);
    }
  }

  /** Git's own {@code git} on the PATH of the environment hop was given, if any. */
  Optional<Path> gitProgram() {
    return access.gitProgram();
  }

  /**
   * The branch {@code workTree/.git/HEAD} names, read as a file: only when HEAD is the plain text
   * {@code ref: refs/heads/<branch>} of a repository whose refs are files and the name is an ordinary one (letters,
   * digits, {@code . _ - /}); empty otherwise (a detached HEAD, reftable refs, no {@code .git} folder), for JGit to
   * read and to report. A goal that only needs the branch is so spared opening the repository (loading JGit).
   */
  public static Optional<String> headBranch(Path workTree) {
    Path dotGit = workTree.resolve(Constants.DOT_GIT);
    try {
      if (!Files.isDirectory(dotGit) || Files.readString(dotGit.resolve(Constants.CONFIG), StandardCharsets.UTF_8)
          .toLowerCase(java.util.Locale.ROOT).contains("refstorage")) {
        return Optional.empty();
      }
      String head = Files.readString(dotGit.resolve(Constants.HEAD), StandardCharsets.UTF_8);
      String prefix = "ref: " + Constants.R_HEADS;
      if (!head.startsWith(prefix) || !head.endsWith("\n")) {
        return Optional.empty();
      }
      String branch = head.substring(prefix.length(), head.length() - 1);
      return isOrdinaryBranchName(branch) ? Optional.of(branch) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isOrdinaryBranchName(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.endsWith(".lock") || name.contains("..")
        || name.contains("//") || name.startsWith(".") || name.contains("/.")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ordinary = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == '-' || c == '/';
      if (!ordinary) {
        return false;
      }
    }
    return true;
  }

  /** The work tree's root folder. */
  public Path workTree() {
    return git.getRepository().getWorkTree().toPath();
  }

  /**
   * The checked-out branch's short name, e.g. {@code ho-prod}.
   *
   * @throws RepositoryStateException when HEAD is detached
   */
  public String currentBranch() throws RepositoryStateException, GitOperationException {
    try {
      Ref head = git.getRepository().exactRef(Constants.HEAD);
      if (head == null || !head.isSymbolic()) {
        String at = head == null || head.getObjectId() == null ? "" : " at " + head.getObjectId().abbreviate(7).name();
        throw new RepositoryStateException(RepositoryStateException.Reason.UNUSABLE, Constants.HEAD, List.of(),
            "HEAD is detached" + at + " in " + workTree() + ": hop works on a branch. " + (detachedBecause.isEmpty()
                ? "Switch to one (git switch ho-prod), or, in a CI job, name the branch it checked out with"
                    + " -Dhop.branch=<branch> (hop also reads " + String.join(", ", CiBranch.VARIABLES) + ")"
                : detachedBecause));
      }
      return Repository.shortenRefName(head.getTarget().getName());
    } catch (IOException e) {
      throw new GitOperationException("git branch --show-current", "Cannot read HEAD in " + workTree(), e);
    }
  }

  /** The commit {@code ref} (a full ref name) points at; empty when it does not exist. */
  Optional<ObjectId> resolve(String ref) throws GitOperationException {
    try {
      Ref found = git.getRepository().exactRef(ref);
      if (found == null) {
        return Optional.empty();
      }
      Ref peeled = git.getRepository().getRefDatabase().peel(found);
      return Optional.of(peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
          : found.getObjectId());
    } catch (IOException e) {
      throw new GitOperationException("git rev-parse --verify " + ref, "Cannot read " + ref, e);
    }
  }

  /** The object {@code ref} holds, not peeled (a tag object for an annotated tag); empty when absent. */
  Optional<ObjectId> target(String ref) throws GitOperationException {
    try {
      Ref found = git.getRepository().exactRef(ref);
      return found == null ? Optional.empty() : Optional.of(found.getObjectId());
    } catch (IOException e) {
      throw new GitOperationException("git rev-parse --verify " + ref, "Cannot read " + ref, e);
    }
  }

  /** Where hop reports what it does. */
  public HopEvents events() {
    return events;
  }

  /** How origin is reached (credentials, SSH keys, host keys). */
  public RemoteAccess access() {
    return access;
  }

  /** JGit on this repository, for the verbs of this package. */
  Git git() {
    return git;
  }

  Repository repository() {
    return git.getRepository();
  }

  /** Applies the remote access (credentials, SSH) to a JGit command that talks to origin. */
  <C extends TransportCommand<C, ?>> C remote(C command) {
    return command.setTransportConfigCallback(access::configure);
  }

  /**
   * After a failed fetch or listing from origin: whether trying again could succeed because it went through Git's
   * own upload-pack, which the next ones will not use (see {@link RemoteAccess}).
   */
  boolean retryInProcess() {
    return access.stopForkingLocal();
  }

  /** Opens a transport to origin, configured with the remote access; the caller closes it. */
  Transport openOrigin() throws IOException, java.net.URISyntaxException {
    Transport transport = Transport.open(git.getRepository(), ORIGIN);
    access.configure(transport);
    return transport;
  }

  /**
   * Refuses a repository without a remote called origin, naming the two commands that add one.
   *
   * @throws RepositoryStateException NO_ORIGIN
   */
  void requireOrigin() throws RepositoryStateException {
    if (originUrl().isEmpty()) {
      throw new RepositoryStateException(RepositoryStateException.Reason.NO_ORIGIN, ORIGIN, List.of(),
          "No origin: " + workTree() + " has no remote called origin, and hop shares ho-prod with the team through"
              + " it (patch numbers, releases, the lock). Create the team's repository (empty), then add it and push"
              + " ho-prod: git remote add origin <url> && git push -u origin ho-prod, and run the goal again");
    }
  }

  /** The URL of origin as configured, for messages; empty when there is none. */
  public String originUrl() {
    String url = git.getRepository().getConfig().getString("remote", ORIGIN, "url");
    return url == null ? "" : RemoteFailures.redact(url);
  }

  @Override
  public void close() {
    git.close();
  }
}
