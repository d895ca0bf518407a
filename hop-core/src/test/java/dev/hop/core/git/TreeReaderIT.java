package dev.hop.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hop.core.errors.RepositoryStateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks reading a patch folder from a ref that is not checked out. */
class TreeReaderIT {
  @RegisterExtension
  final GitFixture git = new GitFixture();

  @Test
  void readsExactlyTheFolderFilesOfAnotherBranch() throws Exception {
    git.git("bob", "switch", "-q", "-c", "ho-release/1.0.0/12-users");
    git.sandbox.write("bob", "Patches/12-users/README.md", "# Users\n");
    git.sandbox.write("bob", "Patches/12-users/01-table.sql", "create table users(id int);\n");
    git.sandbox.write("bob", "Patches/12-users/sub/ignored.sql", "select 1;\n");
    git.sandbox.write("bob", "Patches/13/01.sql", "select 13;\n");
    git.git("bob", "add", "-A");
    git.git("bob", "commit", "-q", "-m", "patch 12");
    git.git("bob", "push", "-q", "origin", "ho-release/1.0.0/12-users");
    GitWorkspace alice = git.workspace("alice");
    new OriginSync(alice).fetch();
    git.sandbox.write("alice", "Patches/12-users/01-table.sql", "work tree content\n");

    SortedMap<String, byte[]> files = new TreeReader(alice).files("ho-release/1.0.0/12-users", "Patches/12-users");

    Map<String, String> text = new TreeMap<>();
    files.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
    assertThat(text).containsExactly(Map.entry("01-table.sql", "create table users(id int);\n"),
        Map.entry("README.md", "# Users\n"));
    assertThat(git.git("bob", "ls-tree", "--name-only", "HEAD", "Patches/12-users/").lines()
        .map(p -> p.substring("Patches/12-users/".length())).filter(text::containsKey).count()).isEqualTo(2);
  }

  @Test
  void severalFoldersAtOneTagAreReadAsEachAlone() throws Exception {
    git.sandbox.write("alice", "Patches/1-users/01-table.sql", "create table users(id int);\n");
    git.sandbox.write("alice", "Patches/1-users/README.md", "# Users\n");
    git.sandbox.write("alice", "Patches/1-users/sub/skipped.sql", "select 1;\n");
    git.sandbox.write("alice", "Patches/2/run.java", "class Run {}\n");
    git.sandbox.write("alice", "Patches/3-other/01.sql", "select 3;\n");
    git.sandbox.write("alice", "Patches/README.md", "# Patches\n");
    git.git("alice", "add", "-A");
    git.git("alice", "commit", "-q", "-m", "[ho] Release 1.0.0");
    git.git("alice", "tag", "-a", "v1.0.0", "-m", "[ho] Release 1.0.0");
    git.sandbox.write("alice", "Patches/1-users/01-table.sql", "work tree content\n");
    TreeReader reader = new TreeReader(git.workspace("alice"));

    Map<String, SortedMap<String, byte[]>> folders = reader.folders("v1.0.0", "Patches",
        List.of("1-users", "2", "4-missing"));

    assertThat(folders).containsOnlyKeys("1-users", "2", "4-missing");
    for (String name : List.of("1-users", "2", "4-missing")) {
      assertThat(text(folders.get(name))).as(name).isEqualTo(text(reader.files("v1.0.0", "Patches/" + name)));
    }
    assertThat(text(folders.get("1-users"))).containsExactly(
        Map.entry("01-table.sql", "create table users(id int);\n"), Map.entry("README.md", "# Users\n"));
    assertThat(folders.get("4-missing")).isEmpty();
    assertThat(reader.folders("v1.0.0", "Nowhere", List.of("1-users")).get("1-users")).isEmpty();
  }

  private static Map<String, String> text(SortedMap<String, byte[]> files) {
    Map<String, String> text = new TreeMap<>();
    files.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
    return text;
  }

  @Test
  void changedFilesAreTheRelevantOnesThatDifferFromTheCommitAsGitStatusSeesThem() throws Exception {
    git.commit("alice", "releases/0.1.0.txt", "1-users\n");
    git.commit("alice", "releases/0.2.0.txt", "2-orders\n");
    git.commit("alice", "releases/0.3.0.txt", "3-index\n");
    TreeReader reader = new TreeReader(git.workspace("alice"));
    Predicate<String> releaseFiles = name -> name.endsWith(".txt");
    git.sandbox.write("alice", "README.md", "changed\n");
    git.sandbox.write("alice", "releases/README.md", "changed, not relevant\n");
    git.sandbox.write("alice", "releases/0.1.0.txt", "1-users\n");

    assertThat(reader.changedFiles("refs/heads/ho-prod", "releases", releaseFiles)).isEmpty();

    git.sandbox.write("alice", "releases/0.2.0.txt", "2-orders\n3-more\n");
    Files.delete(git.dir("alice").resolve("releases/0.3.0.txt"));
    git.sandbox.write("alice", "releases/0.4.0-stage.txt", "");

    assertThat(reader.changedFiles("refs/heads/ho-prod", "releases", releaseFiles))
        .containsExactly("0.2.0.txt", "0.3.0.txt", "0.4.0-stage.txt");
    assertThat(git.git("alice", "status", "--porcelain", "--", "releases/*.txt").lines()
        .map(l -> l.substring(l.lastIndexOf('/') + 1)).sorted().toList())
        .containsExactly("0.2.0.txt", "0.3.0.txt", "0.4.0-stage.txt");
    assertThat(reader.changedFiles("refs/heads/ho-prod", "nowhere", releaseFiles)).isEmpty();
  }

  @Test
  void absentFolderIsEmptyAndUnknownRefIsRefused() throws Exception {
    GitWorkspace alice = git.workspace("alice");
    assertThat(new TreeReader(alice).files("ho-prod", "Patches/99")).isEmpty();
    String head = git.git("alice", "rev-parse", "HEAD");
    assertThat(new TreeReader(alice).files(head, "/")).containsOnlyKeys(".gitignore", "README.md");
    assertThatThrownBy(() -> new TreeReader(alice).files("ho-release/9.9.9/1", "Patches/1"))
        .isInstanceOfSatisfying(RepositoryStateException.class,
            e -> assertThat(e.reason()).isEqualTo(RepositoryStateException.Reason.MISSING_REF));
  }
}
