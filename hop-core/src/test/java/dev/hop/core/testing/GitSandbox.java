package dev.hop.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * A bare {@code origin} repository and developers' clones of it in one folder, with JGit and {@link #cli() git}
 * isolated from the real git configuration while the sandbox is open.
 *
 * <p>Layout under the root: {@code origin.git} (bare, HEAD on the initial branch), one folder per developer (HEAD on
 * the initial branch, remote {@code origin} as a {@code file:} URI, branch tracking set, user.name = the developer's
 * name, user.email = {@code <name>@example.invalid}), and {@code sandbox/} (home and configs, see
 * {@link IsolatedSystemReader}). The user-level config names {@value GitCli#NAME}.
 */
public final class GitSandbox implements AutoCloseable {

  /** The branch hop releases from. */
  public static final String HOP_PRODUCTION_BRANCH = "ho-prod";

  private final Path root;
  private final String initialBranch;
  private final IsolatedSystemReader reader;
  private final GitCli cli;
  private final Git origin;
  private final Map<String, Git> clones = new LinkedHashMap<>();
  private boolean closed;

  private GitSandbox(Path root, String initialBranch) throws IOException, GitAPIException, ConfigInvalidException {
    this.root = Files.createDirectories(root).toRealPath();
    this.initialBranch = initialBranch;
    this.reader = IsolatedSystemReader.install(this.root.resolve("sandbox"));
    try {
      this.cli = new GitCli(reader.home());
      StoredConfig user = reader.getUserConfig();
      user.setString("user", null, "name", GitCli.NAME);
      user.setString("user", null, "email", GitCli.EMAIL);
      user.save();
      this.origin = Git.init().setBare(true).setInitialBranch(initialBranch)
          .setGitDir(this.root.resolve("origin.git").toFile()).call();
    } catch (IOException | GitAPIException | ConfigInvalidException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Opens a sandbox under {@code root} with branch {@value #HOP_PRODUCTION_BRANCH} and clones alice and bob. */
  public static GitSandbox create(Path root) {
    return create(root, HOP_PRODUCTION_BRANCH, "alice", "bob");
  }

  /** Opens a sandbox under {@code root} with an empty origin and one empty clone per developer. */
  public static GitSandbox create(Path root, String initialBranch, String... developers) {
    GitSandbox sandbox = null;
    try {
      sandbox = new GitSandbox(root, initialBranch);
      for (String developer : developers) {
        sandbox.addClone(developer);
      }
      return sandbox;
    } catch (IOException | GitAPIException | ConfigInvalidException | URISyntaxException | RuntimeException e) {
      if (sandbox != null) {
        sandbox.close();
      }
      throw new IllegalStateException("Cannot create a git sandbox in " + root + ": " + e.getMessage(), e);
    }
  }

  private void addClone(String developer) throws GitAPIException, IOException, URISyntaxException {
    if (!developer.matches("[a-z][a-z0-9_-]*") || developer.equals("sandbox") || clones.containsKey(developer)) {
      throw new IllegalArgumentException("Developer names are distinct, lower case, [a-z0-9_-], not 'sandbox': "
          + developer);
    }
    Git git = Git.init().setInitialBranch(initialBranch).setDirectory(root.resolve(developer).toFile()).call();
    clones.put(developer, git);
    git.remoteAdd().setName("origin").setUri(new URIish(originDir().toUri().toString())).call();
    StoredConfig config = git.getRepository().getConfig();
    config.setString("branch", initialBranch, "remote", "origin");
    config.setString("branch", initialBranch, "merge", Constants.R_HEADS + initialBranch);
    config.setString("user", null, "name", developer);
    config.setString("user", null, "email", developer + "@example.invalid");
    config.save();
  }

  public Path root() {
    return root;
  }

  public String initialBranch() {
    return initialBranch;
  }

  /** The bare origin repository's folder (its git dir). */
  public Path originDir() {
    return root.resolve("origin.git");
  }

  /** JGit on the bare origin repository. */
  public Git origin() {
    return origin;
  }

  /** The work tree of {@code developer}'s clone. */
  public Path dir(String developer) {
    return git(developer).getRepository().getWorkTree().toPath();
  }

  /** JGit on {@code developer}'s clone; the sandbox closes it. */
  public Git git(String developer) {
    Git git = clones.get(developer);
    if (git == null) {
      throw new IllegalArgumentException("No clone named " + developer + "; the sandbox has " + clones.keySet());
    }
    return git;
  }

  /** The isolated git command line; its HOME and global config are the sandbox's. */
  public GitCli cli() {
    return cli;
  }

  /** The isolated configuration JGit reads while the sandbox is open. */
  public IsolatedSystemReader config() {
    return reader;
  }

  /** Writes {@code content} (UTF-8) to {@code path} in {@code developer}'s work tree, creating folders. */
  public Path write(String developer, String path, String content) {
    Path file = dir(developer).resolve(path);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages every change in {@code developer}'s work tree (new, modified, deleted) and commits it, unsigned. */
  public RevCommit commitAll(String developer, String message) throws GitAPIException {
    Git git = git(developer);
    git.add().addFilepattern(".").call();
    return git.commit().setAll(true).setMessage(message).setSign(false).call();
  }

  /** Pushes {@code developer}'s current branch to the same name on origin; fails unless origin took it. */
  public PushResult push(String developer) throws GitAPIException, IOException {
    String branch = git(developer).getRepository().getBranch();
    RefSpec spec = new RefSpec(Constants.R_HEADS + branch + ":" + Constants.R_HEADS + branch);
    Iterable<PushResult> results = git(developer).push().setRemote("origin").setRefSpecs(spec).call();
    PushResult result = results.iterator().next();
    for (RemoteRefUpdate update : result.getRemoteUpdates()) {
      if (!List.of(RemoteRefUpdate.Status.OK, RemoteRefUpdate.Status.UP_TO_DATE).contains(update.getStatus())) {
        throw new IllegalStateException(developer + "'s push of " + branch + " was refused: " + update.getStatus()
            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
      }
    }
    return result;
  }

  /** Fetches origin into {@code developer}'s remote-tracking branches. */
  public void fetch(String developer) throws GitAPIException {
    git(developer).fetch().setRemote("origin").call();
  }

  /** Closes every repository and ends the git isolation; the files stay for the temp folder's owner to delete. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    clones.values().forEach(Git::close);
    origin.close();
    reader.close();
  }
}
