package dev.hop.core.git;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;

/**
 * Reads the files of a folder at a revision through Git's own {@code git cat-file --batch}, one process for the whole
 * goal, as {@link TreeReader#files} does through JGit: a goal that needs nothing else of Git (patch-apply) then never
 * loads JGit. Anything it cannot tell (no Git, a revision it does not find, output it
 * cannot read) gives empty, for JGit to answer, and to report.
 */
public final class GitCatFile implements AutoCloseable {

  private final Process process;
  private final OutputStream requests;
  private final InputStream answers;
  private boolean broken;

  private GitCatFile(Process process) {
    this.process = process;
    this.requests = process.getOutputStream();
    this.answers = new BufferedInputStream(process.getInputStream());
  }

  /** Starts {@code git cat-file --batch} in {@code workTree}, with the first {@code git} of the environment's PATH. */
  public static Optional<GitCatFile> start(Path workTree, GitEnvironment environment) {
    Optional<Path> git = RemoteAccess.onPath(environment, "git");
    if (git.isEmpty() || !Files.isDirectory(workTree.resolve(Constants.DOT_GIT))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new GitCatFile(ReadOnlyGit.builder(git.get(), workTree, List.of("cat-file", "--batch"))
          .start()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The regular files directly in {@code folder} at {@code revision} (name → bytes, sorted by name), as
   * {@link TreeReader#files} reads them: the revision is a full ref, a branch (local, else origin's), a tag or a commit;
   * a folder absent there has no file. Empty when Git could not tell, the revision included.
   */
  public synchronized Optional<SortedMap<String, byte[]>> files(String revision, String folder) {
    if (broken) {
      return Optional.empty();
    }
    try {
      Optional<String> commit = Optional.empty();
      for (String candidate : TreeReader.candidates(revision)) {
        Optional<Answer> answer = ask(candidate + "^{commit}");
        if (answer.isPresent()) {
          commit = Optional.of(answer.get().id());
          break;
        }
      }
      if (commit.isEmpty()) {
        return Optional.empty();
      }
      String path = TreeReader.repositoryPath(folder);
      Optional<Answer> tree = ask(path.isEmpty() ? commit.get() + "^{tree}" : commit.get() + ":" + path);
      SortedMap<String, byte[]> files = new TreeMap<>();
      if (tree.isEmpty() || !tree.get().type().equals("tree")) {
        return Optional.of(Collections.unmodifiableSortedMap(files));
      }
      for (Entry entry : entries(tree.get().content(), tree.get().id().length() / 2)) {
        if (entry.mode().startsWith("100")) {
          Optional<Answer> blob = ask(entry.id());
          if (blob.isEmpty() || !blob.get().type().equals("blob")) {
            throw new IOException("no blob " + entry.id());
          }
          files.put(entry.name(), blob.get().content());
        }
      }
      return Optional.of(Collections.unmodifiableSortedMap(files));
    } catch (IOException | RuntimeException e) {
      broken = true;
      return Optional.empty();
    }
  }

  /** One object: its id, type and content. */
  private record Answer(String id, String type, byte[] content) {
  }

  /** One entry of a tree: its mode (octal text), name and object id (hex). */
  record Entry(String mode, String name, String id) {
  }

  /** Asks for {@code name}; empty when Git says it is missing (or ambiguous). */
  private Optional<Answer> ask(String name) throws IOException {
    if (name.indexOf('\n') >= 0) {
      throw new IOException("a name with a line break");
    }
    requests.write((name + "\n").getBytes(StandardCharsets.UTF_8));
    requests.flush();
    String header = line();
    String[] parts = header.split(" ");
    if (parts.length == 3 && isObjectId(parts[0])) {
      int size = Integer.parseInt(parts[2]);
      byte[] content = answers.readNBytes(size);
      if (content.length != size || answers.read() != '\n') {
        throw new IOException("short answer for " + name);
      }
      return Optional.of(new Answer(parts[0], parts[1], content));
    }
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      return Optional.empty();
    }
    throw new IOException("unexpected answer for " + name + ": " + header);
  }

  /** Whether {@code text} is a SHA-1 or SHA-256 object id in lower-case hex. */
  private static boolean isObjectId(String text) {
    if (text.length() != 40 && text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private String line() throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int b = answers.read(); b != '\n'; b = answers.read()) {
      if (b < 0) {
        throw new IOException("git cat-file ended");
      }
      text.write(b);
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  /** The entries of a tree object's content, whose object ids are {@code idBytes} long. */
  static List<Entry> entries(byte[] tree, int idBytes) throws IOException {
    List<Entry> entries = new ArrayList<>();
    int i = 0;
    while (i < tree.length) {
      int space = indexOf(tree, (byte) ' ', i);
      int nul = indexOf(tree, (byte) 0, space + 1);
      if (space < 0 || nul < 0 || nul + 1 + idBytes > tree.length) {
        throw new IOException("a tree entry cut short");
      }
      StringBuilder id = new StringBuilder(idBytes * 2);
      for (int k = nul + 1; k <= nul + idBytes; k++) {
        id.append(Character.forDigit((tree[k] >> 4) & 0xf, 16)).append(Character.forDigit(tree[k] & 0xf, 16));
      }
      entries.add(new Entry(new String(tree, i, space - i, StandardCharsets.US_ASCII),
          new String(tree, space + 1, nul - space - 1, StandardCharsets.UTF_8), id.toString()));
      i = nul + 1 + idBytes;
    }
    return entries;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = Math.max(0, from); i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Ends the process: closing its input ends {@code cat-file}, which is then waited for. */
  @Override
  public synchronized void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // it ends anyway once destroyed
    }
    try {
      if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
