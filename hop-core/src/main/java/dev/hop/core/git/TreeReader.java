package dev.hop.core.git;

import dev.hop.core.errors.GitOperationException;
import dev.hop.core.errors.RepositoryStateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads the files of one folder at any branch, tag or commit, without checking it out, and tells which differ from
 * the work tree's.
 */
public final class TreeReader {
  /** The revision that names the commit checked out (a branch or a detached HEAD). */
  public static final String CHECKED_OUT = Constants.HEAD;

  private final GitWorkspace workspace;

  public TreeReader(GitWorkspace workspace) {
    this.workspace = workspace;
  }

  /**
   * The regular files directly in {@code folder} at {@code revision} (name → bytes, sorted by name);
   * sub-folders are skipped; empty when the folder does not exist there.
   *
   * @param revision a full ref, a branch (local, else origin's), a tag, or a commit id
   * @param folder a repository-relative folder, e.g. {@code Patches/12-users}
   * @throws RepositoryStateException MISSING_REF when {@code revision} names nothing
   */
  public SortedMap<String, byte[]> files(String revision, String folder)
      throws RepositoryStateException, GitOperationException {
    Repository repository = workspace.repository();
    String path = repositoryPath(folder);
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(resolve(revision));
      SortedMap<String, byte[]> files = new TreeMap<>();
      ObjectId tree = commit.getTree();
      if (!path.isEmpty()) {
        try (TreeWalk dir = TreeWalk.forPath(repository, path, commit.getTree())) {
          if (dir == null || !dir.isSubtree()) {
            return Collections.unmodifiableSortedMap(files);
          }
          tree = dir.getObjectId(0);
        }
      }
      try (TreeWalk entries = new TreeWalk(repository)) {
        entries.addTree(tree);
        entries.setRecursive(false);
        while (entries.next()) {
          FileMode mode = entries.getFileMode(0);
          if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
            files.put(entries.getNameString(), repository.open(entries.getObjectId(0), Constants.OBJ_BLOB).getBytes());
          }
        }
      }
      return Collections.unmodifiableSortedMap(files);
    } catch (IOException e) {
      throw new GitOperationException("git ls-tree " + revision + " " + path + "/", "Cannot read " + path + " at "
          + revision, e);
    }
  }

  /**
   * One file at {@code revision}, empty when it is not there.
   *
   * @param path a repository-relative path, e.g. {@code model/schema-1.2.0.sql}
   * @throws RepositoryStateException MISSING_REF when {@code revision} names nothing
   */
  public Optional<byte[]> file(String revision, String path)
      throws RepositoryStateException, GitOperationException {
    Repository repository = workspace.repository();
    try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(resolve(revision));
      try (TreeWalk entry = TreeWalk.forPath(reader, repositoryPath(path), commit.getTree())) {
        if (entry == null || entry.isSubtree()) {
          return Optional.empty();
        }
        return Optional.of(reader.open(entry.getObjectId(0), Constants.OBJ_BLOB).getBytes());
      }
    } catch (IOException e) {
      throw new GitOperationException("git show " + revision + ":" + path, "Cannot read " + path + " at " + revision,
          e);
    }
  }

  /**
   * The regular files of several sub-folders of {@code parent} at one {@code revision}, each as {@link #files} gives
   * them (a sub-folder absent there has none), read in one walk of {@code parent} with one object reader: an upgrade
   * reads hundreds of patch folders at each release's tag.
   *
   * @param parent a repository-relative folder, e.g. {@code Patches}
   * @param names the sub-folders' names, e.g. {@code 12-users}
   * @return sub-folder name → file name → bytes, for every name asked
   * @throws RepositoryStateException MISSING_REF when {@code revision} names nothing
   */
  public Map<String, SortedMap<String, byte[]>> folders(String revision, String parent, Collection<String> names)
      throws RepositoryStateException, GitOperationException {
    Repository repository = workspace.repository();
    String path = repositoryPath(parent);
    Map<String, SortedMap<String, byte[]>> found = new HashMap<>();
    names.forEach(name -> found.put(name, new TreeMap<>()));
    try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(resolve(revision));
      try (TreeWalk dir = TreeWalk.forPath(reader, path, commit.getTree())) {
        if (dir != null && dir.isSubtree()) {
          try (TreeWalk entries = new TreeWalk(reader)) {
            entries.addTree(dir.getObjectId(0));
            entries.setRecursive(false);
            while (entries.next()) {
              if (entries.getDepth() == 0) {
                if (entries.isSubtree() && found.containsKey(entries.getNameString())) {
                  entries.enterSubtree();
                }
                continue;
              }
              FileMode mode = entries.getFileMode(0);
              if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                String folder = entries.getPathString().substring(0, entries.getPathString().indexOf('/'));
                found.get(folder).put(entries.getNameString(),
                    reader.open(entries.getObjectId(0), Constants.OBJ_BLOB).getBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new GitOperationException("git ls-tree -r " + revision + " " + path + "/", "Cannot read " + path
          + " at " + revision, e);
    }
    Map<String, SortedMap<String, byte[]>> result = new HashMap<>();
    found.forEach((name, files) -> result.put(name, Collections.unmodifiableSortedMap(files)));
    return Collections.unmodifiableMap(result);
  }

  /**
   * The files under {@code folder} that differ between two revisions (changed, added or removed), as paths relative
   * to {@code folder}, sorted: sub-trees with the same id are skipped unread, so that two revisions of a folder of
   * thousands of patch folders that differ in one file cost one walk of the folder's top level.
   *
   * @throws RepositoryStateException MISSING_REF when a revision names nothing
   */
  public SortedSet<String> differences(String revision, String other, String folder)
      throws RepositoryStateException, GitOperationException {
    Repository repository = workspace.repository();
    String path = repositoryPath(folder);
    SortedSet<String> changed = new TreeSet<>();
    try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
        TreeWalk entries = new TreeWalk(reader)) {
      for (String revisionOf : List.of(revision, other)) {
        RevCommit commit = walk.parseCommit(resolve(revisionOf));
        try (TreeWalk dir = TreeWalk.forPath(reader, path, commit.getTree())) {
          if (dir != null && dir.isSubtree()) {
            entries.addTree(dir.getObjectId(0));
          } else {
            entries.addTree(new EmptyTreeIterator());
          }
        }
      }
      entries.setRecursive(true);
      entries.setFilter(TreeFilter.ANY_DIFF);
      while (entries.next()) {
        changed.add(entries.getPathString());
      }
    } catch (IOException e) {
      throw new GitOperationException("git diff --name-only " + revision + " " + other + " -- " + path + "/",
          "Cannot compare " + path + " at " + revision + " and " + other, e);
    }
    return changed;
  }

  /**
   * The names of the regular files directly in {@code folder} that differ between {@code revision} and the work
   * tree, among the names {@code relevant} accepts: changed, added or removed (sorted). It compares Git's object ids
   * of the files' bytes, so it reads neither the index nor any blob, and stays quick in a large work tree; a file
   * that Git would convert (line endings, filters) shows as changed.
   *
   * @param revision a full ref, a branch (local, else origin's), a tag, or a commit id
   * @param folder a repository-relative folder, e.g. {@code releases}
   * @throws RepositoryStateException MISSING_REF when {@code revision} names nothing
   */
  public SortedSet<String> changedFiles(String revision, String folder, Predicate<String> relevant)
      throws RepositoryStateException, GitOperationException {
    Repository repository = workspace.repository();
    String path = repositoryPath(folder);
    Map<String, ObjectId> committed = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(resolve(revision));
      try (TreeWalk dir = TreeWalk.forPath(repository, path, commit.getTree())) {
        if (dir != null && dir.isSubtree()) {
          try (TreeWalk entries = new TreeWalk(repository)) {
            entries.addTree(dir.getObjectId(0));
            while (entries.next()) {
              FileMode mode = entries.getFileMode(0);
              if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)
                  && relevant.test(entries.getNameString())) {
                committed.put(entries.getNameString(), entries.getObjectId(0));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new GitOperationException("git ls-tree " + revision + " " + path + "/", "Cannot read " + path + " at "
          + revision, e);
    }
    SortedSet<String> changed = new TreeSet<>();
    Path dir = workspace.workTree().resolve(path);
    try (ObjectInserter.Formatter hasher = new ObjectInserter.Formatter();
        Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && relevant.test(name)) {
          ObjectId id = committed.remove(name);
          if (id == null || !id.equals(hasher.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file)))) {
            changed.add(name);
          }
        }
      }
    } catch (IOException e) {
      throw new GitOperationException("git status --porcelain -- " + path, "Cannot read " + dir, e);
    }
    changed.addAll(committed.keySet());
    return Collections.unmodifiableSortedSet(changed);
  }

  /** {@code folder} as a repository-relative path: without leading or trailing slashes. */
  static String repositoryPath(String folder) {
    int start = 0;
    int end = folder.length();
    while (start < end && folder.charAt(start) == '/') {
      start++;
    }
    while (end > start && folder.charAt(end - 1) == '/') {
      end--;
    }
    return folder.substring(start, end);
  }

  /**
   * What {@code revision} may name, in the order tried: itself when a full ref or {@link #CHECKED_OUT}, else a branch,
   * origin's, a tag.
   */
  static List<String> candidates(String revision) {
    return revision.startsWith(Constants.R_REFS) || revision.equals(CHECKED_OUT) ? List.of(revision)
        : List.of(Constants.R_HEADS + revision, Refs.remoteBranch(revision), Constants.R_TAGS + revision, revision);
  }

  private ObjectId resolve(String revision) throws RepositoryStateException, IOException {
    for (String candidate : candidates(revision)) {
      ObjectId id = workspace.repository().resolve(candidate + "^{commit}");
      if (id != null) {
        return id;
      }
    }
    throw new RepositoryStateException(RepositoryStateException.Reason.MISSING_REF, revision, List.of(),
        "No branch, tag or commit named " + revision + " (locally or on origin). Fetch first ("
            + OriginSync.FETCH_COMMAND + ") and check the name with: git branch -a");
  }
}
